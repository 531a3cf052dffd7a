"""Screens: the pages a user meets in a pattern's step, built from GOV.UK Frontend components.

``blocks`` holds one StreamField block per component, whose fields are the component macro's parameters;
``nunjucks`` writes the macro calls a designer copies; ``render`` turns screens into HTML with GOV.UK
Frontend's own Nunjucks macros (Node, when a revision is saved, never per request); ``prototype_kit``
builds the GOV.UK Prototype Kit export.
"""

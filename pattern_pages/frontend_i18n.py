"""GOV.UK Frontend's own texts (accordion, character count, file upload, password input, exit this page) in
the reader's language.

GOV.UK Frontend writes these texts in JavaScript, in English, unless each component is given translations
through its i18n options; ``initAll`` takes them per component (see "Localise GOV.UK Frontend" in its docs).
The base template passes this configuration, as JSON, when the page is not in English. Texts that count take
every plural category the language has (Welsh: zero, one, two, few, many, other), as Frontend's I18n class
asks ``Intl.PluralRules`` which to use.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

# The plural categories of Intl.PluralRules for each language the site serves.
PLURAL_CATEGORIES = {"en": ("one", "other"), "cy": ("zero", "one", "two", "few", "many", "other")}


def _counted(text):
    """One text for every plural category: the library's Welsh puts the noun after a number in the singular."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return dict.fromkeys(PLURAL_CATEGORIES.get(language, ("one", "other")), text)


def frontend_config():
    """The ``initAll`` configuration for the active language, or None for English (Frontend's own texts)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return None
    return component_texts()


def component_texts():
    """Each component's i18n options, in the active language."""
    return {
        "accordion": {
            "i18n": {
                "hideAllSections": _("Hide all sections"),
                "hideSection": _("Hide"),
                "hideSectionAriaLabel": _("Hide this section"),
                "showAllSections": _("Show all sections"),
                "showSection": _("Show"),
                "showSectionAriaLabel": _("Show this section"),
            }
        },
        "characterCount": {
            "i18n": {
                "charactersUnderLimit": _counted(_("You have %{count} characters remaining")),
                "charactersAtLimit": _("You have 0 characters remaining"),
                "charactersOverLimit": _counted(_("You have %{count} characters too many")),
                "wordsUnderLimit": _counted(_("You have %{count} words remaining")),
                "wordsAtLimit": _("You have 0 words remaining"),
                "wordsOverLimit": _counted(_("You have %{count} words too many")),
                "textareaDescription": _counted(_("You can enter up to %{count} characters")),
            }
        },
        "exitThisPage": {
            "i18n": {
                "activated": _("Loading."),
                "timedOut": _("Exit this page expired."),
                "pressTwoMoreTimes": _("Shift, press 2 more times to exit."),
                "pressOneMoreTime": _("Shift, press 1 more time to exit."),
            }
        },
        "fileUpload": {
            "i18n": {
                "chooseFilesButton": _("Choose file"),
                "dropInstruction": _("or drop file"),
                "noFileChosen": _("No file chosen"),
                "multipleFilesChosen": _counted(_("%{count} files chosen")),
                "enteredDropZone": _("Entered drop zone"),
                "leftDropZone": _("Left drop zone"),
            }
        },
        "passwordInput": {
            "i18n": {
                "showPassword": _("Show"),
                "hidePassword": _("Hide"),
                "showPasswordAriaLabel": _("Show password"),
                "hidePasswordAriaLabel": _("Hide password"),
                "passwordShownAnnouncement": _("Your password is visible"),
                "passwordHiddenAnnouncement": _("Your password is hidden"),
            }
        },
    }

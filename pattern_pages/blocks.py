"""StreamField blocks for service patterns and processes.

Small StructBlocks composed into one StreamBlock per section. Every block validates what an editor
types and names the field at fault; checks that need the rest of the page (a step naming a role the
process defines) live in ``pattern_pages.validation``.
"""

import copy
import functools

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets import blocks as snippet_blocks

from library import kept, version
from library.fixed import FixedQuery

from .block_validation import StructBlockValidationMixin
from .i18n import LINKED_PAGE_FIELDS
from .screens.blocks import ScreenBlock
from .validation import LEGISLATION_HOSTS, is_legislation_url

REF_HELP = _(
    "A short reference other steps use to point at this one, e.g. 'check-eligibility'. "
    "Lower-case letters, numbers and hyphens."
)
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


def in_admin_language(sample):
    """A block's ``Meta.preview_value`` whose texts are translated when the preview is shown, so an editor using
    the admin in Welsh sees Welsh samples. Wagtail calls a callable preview value; a ``partial`` (unlike a
    function) is not bound to the block's Meta as a method."""
    return functools.partial(_translated, sample)


def _translated(value):
    if isinstance(value, dict):
        return {key: _translated(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_translated(item) for item in value]
    return str(value) if isinstance(value, Promise) else value


def _paragraph(text):
    return format_lazy("<p>{}</p>", text)


class RefBlock(blocks.RegexBlock):
    def __init__(self, **kwargs):
        super().__init__(
            regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
            max_length=60,
            error_messages={
                "invalid": _("Use lower-case letters, numbers and single hyphens, e.g. 'check-eligibility'.")
            },
            **{"help_text": REF_HELP, **kwargs},
        )


# The statements that read chosen rows, by model, columns read and count of ids (library.fixed).
_chosen_queries = {}
# More ids than this are looked up by the ORM each time (a statement for every count up to here is kept).
CHOSEN_FIXED_MAX = 100


def chosen_by_id(rows, key, ids):
    """``rows().in_bulk(ids)`` (``{id: row}``); when the ids are whole numbers, by a statement built once per process
    for each count of distinct ids (``key`` names the rows: a chooser on a pattern page names a dozen rows of each
    of three kinds, and building their SQL cost more than reading them)."""
    distinct = list(dict.fromkeys(pk for pk in ids if pk is not None))
    if not distinct or len(distinct) > CHOSEN_FIXED_MAX or any(type(pk) is not int for pk in distinct):
        return rows().in_bulk(ids)
    query = _chosen_queries.get((*key, len(distinct)))
    if query is None:
        query = _chosen_queries[(*key, len(distinct))] = FixedQuery(lambda *pks: rows().filter(pk__in=pks))
    return {row.pk: row for row in query.run(*distinct)}


class LoadedChoiceMixin:
    """Cleans a chosen object that was loaded from the database without fetching it again.

    Wagtail's ``ChooserBlock.clean`` turns the instance back into an id for ``ModelChoiceField`` to look
    up (its own comment calls it a wasted round trip): a query for every chooser in every StreamField,
    twice when a page is published (saving the revision and saving the page each run ``full_clean``).
    An instance of the chooser's model that came from the database (``bulk_to_python`` loads them all at
    once) is what that lookup would return, so only the field's own checks run; anything else (an id,
    an unsaved instance) takes Wagtail's path. Migrations record Wagtail's class (``deconstruct``).
    """

    wagtail_path = None

    def loaded_columns(self):
        """The columns read of a chosen row (all: ``()``)."""
        return ()

    def chosen_rows(self):
        """The rows the chooser's values are looked up in."""
        return self.model_class.objects.all()

    def bulk_to_python(self, values):
        # As Wagtail's (same order, None kept, a copy for an id chosen twice), in a statement built once per count of
        # ids (``chosen_by_id``).
        objects = chosen_by_id(self.chosen_rows, (self.model_class, self.loaded_columns()), values)
        seen, result = set(), []
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in seen:
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(pk)
        return result

    def clean(self, value):
        if isinstance(value, self.model_class) and value.pk is not None and not value._state.adding:
            self.field.validate(value)
            self.field.run_validators(value)
            return value
        return super().clean(value)

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return self.wagtail_path, args, kwargs


class PageChooserBlock(LoadedChoiceMixin, blocks.PageChooserBlock):
    """Chosen pages are loaded with the columns a link needs (``i18n.LINKED_PAGE_FIELDS``: title, address,
    language, whether live), not their StreamFields, JSON fields and the rest (a process's steps and diagrams'
    data, a pattern's steps and screens): a pattern page links to a dozen of them, and reading and parsing their
    whole content was a sixth of its rendering, building the SQL for every column of two tables a tenth. A block
    that shows more names those fields in ``loaded_fields``; anything else that reads a deferred field (the
    editor's chooser, the API) loads it then."""

    wagtail_path = "wagtail.blocks.PageChooserBlock"
    loaded_fields = ()

    def loaded_columns(self):
        # Its type too: ``.specific`` without a query.
        return (*LINKED_PAGE_FIELDS, "content_type", *self.loaded_fields)

    def chosen_rows(self):
        return self.model_class.objects.only(*self.loaded_columns())


class ProcessChooserBlock(PageChooserBlock):
    """A process chosen to point at one of its steps: loaded with its steps (their references and titles)."""

    loaded_fields = ("steps",)


class SnippetChooserBlock(LoadedChoiceMixin, snippet_blocks.SnippetChooserBlock):
    """Chosen snippets (a step's design system components, an assessment's standard) are few and shared by many
    pages: while a public page is served, each is read once per library version (``library.version.remembered``)
    and every page gets a copy of it, as a page that read it would, its row declared to what is kept
    (``library.kept``)."""

    wagtail_path = "wagtail.snippets.blocks.SnippetChooserBlock"

    def bulk_to_python(self, values):
        remembered = version.remembered(("chosen", self.model_class._meta.label_lower))
        if remembered is None or any(type(pk) is not int for pk in values if pk is not None):
            return super().bulk_to_python(values)
        missing = list(dict.fromkeys(pk for pk in values if pk is not None and pk not in remembered))
        if missing:
            for pk, row in zip(missing, super().bulk_to_python(missing), strict=True):
                remembered[pk] = row  # None for a row that is gone (its deletion moved the version)
        rows = [None if pk is None else remembered[pk] for pk in values]
        kept.depends_on(*(kept.row_tag(row) for row in rows if row is not None))
        return [None if row is None else copy.copy(row) for row in rows]


# ----- prose sections -------------------------------------------------------------------------


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        preview_value = in_admin_language({"text": _paragraph(_("You can apply for a place from 1 September."))})
        template = "blocks/inset_text.html"
        description = _("Text set apart from the content around it (GOV.UK inset text).")


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500)

    class Meta:
        icon = "warning"
        preview_value = in_admin_language({"text": _("You can be fined up to £1,000 if you do not register.")})
        template = "blocks/warning_text.html"
        description = _("A warning a user must not miss (GOV.UK warning text).")


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=200)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "arrow-down"
        preview_value = in_admin_language(
            {"summary": _("Help with the form"), "text": _paragraph(_("Call the admissions team on 01632 960 000."))}
        )
        template = "blocks/details.html"
        description = _("Extra information that only some users need, shown on request.")


class ProseBlock(blocks.StreamBlock):
    """Free prose: paragraphs with GOV.UK inset, warning and details blocks."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph.html",
        description=_("A paragraph of text with headings, lists and links."),
    )
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    image = ImageBlock(template="blocks/image.html", description=_("An image with alternative text."))

    class Meta:
        template = "blocks/prose.html"


# ----- service patterns -----------------------------------------------------------------------


class UserNeedBlock(blocks.StructBlock):
    """A user need in the form "As a … I need … so that …"."""

    as_a = blocks.CharBlock(max_length=200, label=_("As a"), help_text=_("e.g. 'parent of a child starting school'"))
    i_need = blocks.CharBlock(max_length=300, label=_("I need"), help_text=_("e.g. 'to apply for a school place'"))
    so_that = blocks.CharBlock(
        max_length=300, label=_("So that"), help_text=_("e.g. 'my child has a school to go to in September'")
    )

    class Meta:
        icon = "user"
        preview_value = in_admin_language(
            {
                # Read as "As a …, I need …, so that …" (user_need.html), so each part is worded to follow its lead.
                "as_a": _("parent of a child starting school"),
                "i_need": _("to apply for a school place"),
                "so_that": _("my child has a school to go to in September"),
            }
        )
        template = "blocks/user_need.html"
        description = _("A user need: As a … I need … so that …")


class ProcessStepReferenceBlock(StructBlockValidationMixin, blocks.StructBlock):
    """Points at a step of a process page by that step's reference."""

    process = ProcessChooserBlock(page_type="pattern_pages.ProcessPage")
    step = RefBlock(label=_("Process step reference"))

    class Meta:
        icon = "link"
        description = _("A process step this pattern step triggers.")

    def field_errors(self, value):
        process = value.get("process")
        ref = value.get("step")
        if process and ref:
            refs = process.specific.step_refs()
            if ref not in refs:
                known = ", ".join(sorted(refs)) or _("none")
                return {
                    "step": _("'%(ref)s' is not a step of '%(process)s'. Its steps are: %(known)s.")
                    % {"ref": ref, "process": process.title, "known": known}
                }
        return {}

    def get_api_representation(self, value, context=None):
        process = value.get("process")
        return {
            "process": page_reference(process),
            "step": value.get("step"),
        }


class PatternStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text=_("What the page asks or tells, e.g. 'Child's date of birth'"))
    user_action = blocks.TextBlock(label=_("What the user does"))
    components = blocks.ListBlock(
        SnippetChooserBlock("pattern_pages.DesignSystemComponent"),
        label=_("GOV.UK Design System components"),
        help_text=_(
            "The components and patterns this step uses. Where the step has screens, the components are "
            "filled in from them when the page is saved; the patterns chosen here are kept."
        ),
    )
    screens = blocks.ListBlock(
        ScreenBlock(),
        default=[],
        label=_("Screens"),
        help_text=_("The pages the user meets in this step, in order, built from GOV.UK Frontend components."),
    )
    content_guidance = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False)
    example_screen = ImageBlock(required=False, label=_("Example screen"))
    process_steps = blocks.ListBlock(ProcessStepReferenceBlock(), default=[], label=_("Process steps it triggers"))

    class Meta:
        icon = "list-ol"
        preview_value = in_admin_language(
            {
                "title": _("Child's date of birth"),
                "user_action": _("Enters the child's date of birth."),
                "components": [],
                "process_steps": [],
            }
        )
        template = "blocks/pattern_step.html"
        description = _("One step of the pattern as the user meets it.")

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["components"] = [component_reference(c) for c in value.get("components") or [] if c]
        return data


class VariantBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200)
    when_to_use = blocks.TextBlock(label=_("When to use this variant"))
    description = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "copy"
        preview_value = in_admin_language(
            {
                "name": _("Apply on behalf of someone"),
                "when_to_use": _("When a carer applies for a resident."),
                "description": _paragraph(_("Ask for the applicant's details first.")),
            }
        )
        template = "blocks/variant.html"
        description = _("A variation of the pattern and when to choose it.")


class ResearchBlock(StructBlockValidationMixin, blocks.StructBlock):
    RATINGS = {
        0: _("0 – no research"),
        1: _("1 – tested informally"),
        2: _("2 – tested with users"),
        3: _("3 – tested with users across several councils"),
    }

    method = blocks.ChoiceBlock(
        choices=[
            ("usability-testing", _("Usability testing")),
            ("interviews", _("Interviews")),
            ("survey", _("Survey")),
            ("analytics", _("Analytics")),
            ("accessibility-audit", _("Accessibility audit")),
            ("desk-research", _("Desk research")),
        ]
    )
    date = blocks.DateBlock()
    participants = blocks.IntegerBlock(min_value=0, help_text=_("How many people took part."))
    findings = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    rating = blocks.IntegerBlock(
        label=_("Research rating"), help_text=_("0 (no research) to 3 (tested across several councils)")
    )

    class Meta:
        icon = "search"
        preview_value = in_admin_language(
            {
                "method": "usability-testing",
                "date": "2026-03-01",
                "participants": 8,
                "findings": _paragraph(_("Most people found the form easy.")),
                "rating": 2,
            }
        )
        template = "blocks/research.html"
        description = _("A piece of research behind the pattern, and how strong it is.")

    def field_errors(self, value):
        rating = value.get("rating")
        if rating is not None and rating not in self.RATINGS:
            return {"rating": _("The research rating must be 0, 1, 2 or 3, not %(rating)s.") % {"rating": rating}}
        return {}


class RelatedBlock(blocks.StreamBlock):
    pattern = PageChooserBlock(page_type="pattern_pages.ServicePatternPage", icon="doc-full")
    process = PageChooserBlock(page_type="pattern_pages.ProcessPage", icon="cogs")

    class Meta:
        template = "blocks/related.html"


# ----- processes ------------------------------------------------------------------------------


class RoleBlock(blocks.StructBlock):
    """A swimlane of the process."""

    name = blocks.CharBlock(max_length=100, help_text=_("e.g. 'Admissions officer'. Steps name their role by this."))
    kind = blocks.ChoiceBlock(
        choices=[
            ("resident", _("Resident")),
            ("council-officer", _("Council officer")),
            ("partner", _("Partner")),
            ("system", _("System")),
        ]
    )
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "group"
        preview_value = in_admin_language(
            {
                "name": _("Admissions officer"),
                "kind": "council-officer",
                "description": _("Checks and decides applications."),
            }
        )
        description = _("A role that takes part in the process (a swimlane).")


class SystemBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=100, help_text=_("e.g. 'Case management system'"))
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "cog"
        preview_value = in_admin_language(
            {"name": _("Case management system"), "description": _("Holds each application and its decision.")}
        )
        description = _("A system the process uses.")


END_OUTCOME_HELP = _("e.g. 'Badge refused'. Fill this in, instead of a next step, where this ends the process.")


class DecisionOutcomeBlock(blocks.StructBlock):
    """One answer of a decision and where it leads: another step, or the end of the process."""

    answer = blocks.CharBlock(max_length=200, help_text=_("e.g. 'Eligible'"))
    next_step = RefBlock(label=_("Next step reference"), required=False)
    end_outcome = blocks.CharBlock(
        max_length=100, required=False, label=_("Or it ends the process with"), help_text=END_OUTCOME_HELP
    )


class DecisionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=300,
        required=False,
        help_text=_("e.g. 'Is the child eligible?' Needed once the decision has answers."),
    )
    outcomes = blocks.ListBlock(DecisionOutcomeBlock(), default=[])


class ProcessStepBlock(blocks.StructBlock):
    ref = RefBlock(label=_("Reference"))
    title = blocks.CharBlock(max_length=200)
    role = blocks.CharBlock(max_length=100, help_text=_("The name of one of this process's roles."))
    system = blocks.CharBlock(
        max_length=100, required=False, help_text=_("The name of one of this process's systems, if any.")
    )
    description = blocks.TextBlock(required=False)
    inputs = blocks.ListBlock(blocks.CharBlock(max_length=200), default=[])
    outputs = blocks.ListBlock(blocks.CharBlock(max_length=200), default=[])
    time_limit = blocks.CharBlock(max_length=100, required=False, help_text=_("e.g. '5 working days'"))
    legislation = blocks.CharBlock(
        max_length=300,
        required=False,
        help_text=_("For a step with a statutory basis: the title of one of this process's legislation entries."),
    )
    statutory = blocks.BooleanBlock(
        required=False,
        label=_("Statutory"),
        help_text=_("Tick when the law requires this step, its time limit or its outcome; then name the legislation."),
    )
    next_step = RefBlock(
        label=_("Next step reference"),
        required=False,
        help_text=_("Leave blank for the step after this one. A step with a decision goes where its answers say."),
    )
    end_outcome = blocks.CharBlock(
        max_length=100, required=False, label=_("Or it ends the process with"), help_text=END_OUTCOME_HELP
    )
    decision = DecisionBlock(required=False)

    class Meta:
        icon = "list-ol"
        preview_value = in_admin_language(
            {
                "ref": "decide-application",
                "title": _("Decide the application"),
                "role": _("Admissions officer"),
                "system": _("Case management system"),
                "time_limit": _("5 working days"),
                "inputs": [_("Application")],
                "outputs": [_("Decision letter")],
            }
        )
        template = "blocks/process_step.html"
        description = _("One step of the process: who does it, in which system, and what comes next.")


class LegislationBlock(StructBlockValidationMixin, blocks.StructBlock):
    title = blocks.CharBlock(max_length=300, help_text=_("e.g. 'School Standards and Framework Act 1998'"))
    section = blocks.CharBlock(max_length=100, required=False, help_text=_("e.g. 'section 86'"))
    url = blocks.URLBlock(label=_("legislation.gov.uk URL"))
    duty_or_power = blocks.ChoiceBlock(
        choices=[("duty", _("Duty")), ("power", _("Power")), ("guidance", _("Statutory guidance"))]
    )

    class Meta:
        icon = "doc-full-inverse"
        preview_value = in_admin_language(
            {
                "title": _("School Standards and Framework Act 1998"),
                "section": _("section 86"),
                "url": "https://www.legislation.gov.uk/ukpga/1998/31/section/86",
                "duty_or_power": "duty",
            }
        )
        template = "blocks/legislation.html"
        description = _("Legislation that requires or governs the process.")

    def field_errors(self, value):
        url = value.get("url")
        if url and not is_legislation_url(url):
            return {
                "url": _(
                    "Link to the legislation on %(host)s, e.g. https://www.legislation.gov.uk/ukpga/1998/31/section/86"
                )
                % {"host": LEGISLATION_HOSTS[0]}
            }
        return {}


class DataItemBlock(blocks.StructBlock):
    item = blocks.CharBlock(max_length=200, help_text=_("e.g. 'Child's date of birth'"))
    purpose = blocks.TextBlock()
    retention_period = blocks.CharBlock(max_length=100, help_text=_("e.g. '6 years after the end of the case'"))

    class Meta:
        icon = "table"
        preview_value = in_admin_language(
            {
                "item": _("Child's date of birth"),
                "purpose": _("To check the child is of school age."),
                "retention_period": _("6 years after the end of the case"),
            }
        )
        description = _("Data the process holds, why, and for how long.")


class PerformanceMeasureBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200)
    description = blocks.TextBlock(required=False)
    target = blocks.CharBlock(max_length=100, required=False, help_text=_("e.g. '95% within 20 working days'"))

    class Meta:
        icon = "success"
        preview_value = in_admin_language(
            {"name": _("Applications decided on time"), "target": _("95% within 20 working days")}
        )
        description = _("How the process's performance is measured.")


# ----- API helpers ----------------------------------------------------------------------------


def page_reference(page):
    """The ``{id, slug, title, url}`` a reference to a page expands to in the API."""
    if page is None:
        return None
    return {"id": page.pk, "slug": page.slug, "title": page.title, "url": page.get_url()}


def component_reference(component):
    return {"id": component.pk, "slug": component.slug, "title": component.name, "url": component.url}


# The service standards' points a pattern helps meet (the standards are assessments' snippets, named by
# label so this app does not import the one above it).


class StandardPointValue(blocks.StructValue):
    """A claimed standard point; ``get_point()`` finds the StandardPoint it names."""

    def get_point(self):
        standard, number = self.get("standard"), self.get("point")
        if standard is None or number is None:
            return None
        return standard.points.filter(number=number).first()


class StandardPointBlock(blocks.StructBlock):
    standard = SnippetChooserBlock("assessments.ServiceStandard")
    point = blocks.IntegerBlock(min_value=1, help_text=_("The point's number in that standard, e.g. 5."))
    how = blocks.TextBlock(label=_("How the pattern helps"))
    evidence = blocks.URLBlock(required=False, label=_("Evidence link"))

    class Meta:
        icon = "tick-inverse"
        template = "assessments/blocks/standard_point.html"
        value_class = StandardPointValue
        description = _("A point of a service standard this pattern helps a service meet, and how.")

    def clean(self, value):
        value = super().clean(value)
        standard, number = value.get("standard"), value.get("point")
        if standard is not None and number is not None and value.get_point() is None:
            numbers = sorted(standard.points.values_list("number", flat=True))
            known = f"{numbers[0]} to {numbers[-1]}" if numbers else _("no points yet")
            raise blocks.StructBlockValidationError(
                block_errors={
                    "point": ValidationError(
                        _("%(standard)s has points %(known)s; there is no point %(number)s.")
                        % {"standard": standard, "known": known, "number": number}
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        standard, point = value.get("standard"), value.get_point()
        return {
            "standard": {"id": standard.pk, "slug": standard.slug, "name": standard.name} if standard else None,
            "point": {"number": point.number, "title": point.title} if point else value.get("point"),
            "how": value.get("how"),
            "evidence": value.get("evidence") or None,
        }


class StandardPointsBlock(blocks.StreamBlock):
    """The stream of standard points on a pattern; a point may be claimed once."""

    standard_point = StandardPointBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            standard, number = child.value.get("standard"), child.value.get("point")
            if standard is None or number is None:
                continue
            key = (standard.pk, number)
            if key in seen:
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={
                        "point": ValidationError(
                            _("Point %(number)s of %(standard)s is already listed (block %(first)s).")
                            % {"number": number, "standard": standard, "first": seen[key] + 1}
                        )
                    }
                )
            else:
                seen[key] = index
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value

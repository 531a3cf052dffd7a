from django.template import Context, Template


def render(source, **context):
    return Template("{% load assessment_tags %}" + source).render(Context(context))


def test_draft_assessments_stay_off_the_pattern_summary(pattern_page, make_assessment, council, service):
    """A drafted assessment adds nothing to the pattern page; publishing it does."""
    assessment = make_assessment(council, service, pattern_page, {5: "met"}, live=False)
    assert "met in" not in render("{% pattern_assessment_summary page %}", page=pattern_page)
    assessment.live = True
    assessment.save()
    assert "met in 1 of 1 assessed service" in render("{% pattern_assessment_summary page %}", page=pattern_page)


def test_council_and_service_lists_show_only_published_assessments(pattern_page, make_assessment, council, service):
    """Council and service pages list published assessments and never drafts."""
    make_assessment(council, service, pattern_page, {5: "met"}, live=True, phase="beta")
    make_assessment(council, service, pattern_page, {5: "met"}, live=False, phase="alpha")
    for html in (
        render("{% assessment_list council=c %}", c=council),
        render("{% assessment_list service=s %}", s=service),
    ):
        assert "Beta" in html and "Alpha" not in html

"""Pattern steps and process steps link to each other by anchor and title; long pages have a contents list;
the process steps table scrolls in its own box."""

import re

from tests import factories
from tests.pattern_pages.conftest import pattern_steps


def html_of(client, url):
    return re.sub(r"\s+", " ", client.get(url).content.decode())


def triggering_pattern(pattern_index, process, ref="apply", title="Report a missed bin"):
    steps = pattern_steps(2, [])
    steps[1][1]["process_steps"] = [{"process": process, "step": ref}]
    pattern = factories.ServicePatternPageFactory(parent=pattern_index, title=title, steps=steps)
    pattern.save_revision().publish()
    return pattern


def test_pattern_step_links_to_the_process_steps_anchor_by_its_title(client, pattern_index, admission_process):
    """The link goes to the process step's row and reads the step's title, not its reference."""
    pattern = triggering_pattern(pattern_index, admission_process)
    html = html_of(client, pattern.url)
    link = f'<a class="govuk-link" href="{admission_process.url}#step-apply">Submit the application</a>'
    assert link in html
    assert "(apply)" not in html
    assert 'id="pattern-step-2"' in html
    assert 'id="step-apply"' in html_of(client, admission_process.url)


def test_process_step_lists_the_pattern_steps_that_lead_into_it(client, pattern_index, admission_process):
    """The process step's row links back to each live pattern step that starts it; drafts stay out."""
    pattern = triggering_pattern(pattern_index, admission_process)
    draft = triggering_pattern(pattern_index, admission_process, title="A draft that also starts it")
    draft.unpublish()
    html = html_of(client, admission_process.url)
    row = html[html.index('id="step-apply"') :]
    row = row[: row.index("</tr>")]
    assert f'href="{pattern.url}#pattern-step-2"' in row
    assert "Report a missed bin, step 2: Question 2" in row
    assert "A draft that also starts it" not in html


def test_long_pattern_and_process_pages_open_with_a_contents_list(client, build_pattern, admission_process):
    """Pattern and process pages list their sections, each linking to its heading."""
    pattern = build_pattern(steps=2, related=1)
    for page in (pattern, admission_process):
        html = html_of(client, page.url)
        nav = re.search(r'<nav class="library-contents-list".*?</nav>', html).group(0)
        anchors = re.findall(r'href="#([^"]+)"', nav)
        assert "steps" in anchors and "councils-using-it" in anchors
        for anchor in anchors:
            assert f'id="{anchor}"' in html
        assert html.index("library-contents-list") < html.index('id="steps"')


def test_process_steps_table_scrolls_in_its_own_labelled_box(client, admission_process):
    """The wide steps table sits in a focusable, labelled region that scrolls, so the page does not."""
    html = html_of(client, admission_process.url)
    box = re.search(r'<div class="library-table-scroll" tabindex="0" role="region" aria-labelledby="([^"]+)">', html)
    assert box and f'id="{box.group(1)}"' in html
    assert html.index(box.group(0)) < html.index('<table class="govuk-table library-steps-table">')

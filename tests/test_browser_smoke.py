def test_home_page_in_chromium(browser_page, pattern_page):
    """A real browser loads the home page in the GOV.UK template, in English."""
    browser_page.goto("/")
    assert browser_page.get_by_role("heading", name="Browse by pattern type").is_visible()
    assert browser_page.locator("html").get_attribute("lang") == "en"

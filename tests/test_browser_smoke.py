def test_home_page_in_chromium(browser_page, pattern_page):
    """A real browser loads the home page and sees the live pattern listed."""
    browser_page.goto("/")
    assert browser_page.get_by_role("link", name=pattern_page.title).is_visible()
    assert browser_page.locator("html").get_attribute("lang") == "en"

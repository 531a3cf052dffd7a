from library import version


def test_nothing_is_remembered_outside_a_page_being_served():
    """Outside ``serving`` (and under the version of a library that never changed) there is nothing to key on."""
    assert version.remembered("ancestors") is None
    with version.serving("0"):
        assert version.remembered("ancestors") is None


def test_what_is_remembered_lasts_as_long_as_the_version_served():
    """What is read under a version is given to every page served under it, and to none under another."""
    with version.serving("7@2026-12-02 10:00:00+00:00"):
        version.remembered("ancestors")["path"] = "read under 7"
    with version.serving("7@2026-12-02 10:00:00+00:00"):
        assert version.remembered("ancestors") == {"path": "read under 7"}
        assert version.remembered("components") == {}
    with version.serving("8@2026-12-02 10:05:00+00:00"):
        assert version.remembered("ancestors") == {}
    assert version.remembered("ancestors") is None

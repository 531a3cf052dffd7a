"""UK local authorities from mySociety's ``uk_local_authorities_current.csv``.

Each row is a council, current or past (``current-authority`` True/False), keyed here on its GSS
code, e.g. ``ESS,Essex County Council,Essex,E10000012,…,England,East of England,CTY,County,,…``. A
district names its county by register code in ``county-la`` (Brentwood: ``ESS``).

The file has no website column. GOV.UK's local-links-manager list (``--homepages``, joined on the GSS
code) gives real homepages; without it a council's GOV.UK page (from ``gov-uk-slug``) is the best
link there is; with neither the website is left blank.
"""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pattern_pages.models import Council, CouncilType, Nation

from .base import Importer, ImportFailed, Record, Reference, RowError, read_csv

# mySociety's local-authority-type codes (see local-authority-type-name in the file).
COUNCIL_TYPES = {
    "CTY": CouncilType.COUNTY,  # County
    "NMD": CouncilType.DISTRICT,  # Non-metropolitan district
    "UA": CouncilType.UNITARY,  # Unitary authority
    "MD": CouncilType.METROPOLITAN_DISTRICT,  # Metropolitan district
    "LBO": CouncilType.LONDON_BOROUGH,  # London borough
    "SCO": CouncilType.SCOTTISH_COUNCIL,  # Scottish unitary authority
    "WPA": CouncilType.WELSH_PRINCIPAL_AREA,  # Welsh unitary authority
    "NID": CouncilType.NORTHERN_IRISH_DISTRICT,  # NI district
    "COMB": CouncilType.COMBINED_AUTHORITY,  # Combined authority
    "CA": CouncilType.COMBINED_AUTHORITY,  # the GOV.UK register's code for a combined authority
    # The Greater London Authority (Strategic Regional Authority) and the City of London Corporation
    # (City corporation) are one of a kind.
    "SRA": CouncilType.OTHER,
    "CC": CouncilType.OTHER,
}
NATIONS = {
    "England": Nation.ENGLAND,
    "Wales": Nation.WALES,
    "Scotland": Nation.SCOTLAND,
    "Northern Ireland": Nation.NORTHERN_IRELAND,
}
CURRENT = {"True": True, "False": False}
GOVUK_COUNCIL_PAGE = "https://www.gov.uk/find-local-council/{slug}"


class CouncilImporter(Importer):
    model = Council
    key_field = "gss_code"
    key_column = "gss-code"
    noun = gettext_lazy("councils")
    item = gettext_lazy("council")
    columns = (
        "local-authority-code",
        "official-name",
        "nice-name",
        "gss-code",
        "nation",
        "region",
        "local-authority-type",
        "county-la",
        "current-authority",
    )
    homepage_columns = ("gss", "homepage_url")

    def __init__(self, path, *, include_past=False, homepages_path=None, **kwargs):
        super().__init__(path, **kwargs)
        self.include_past = include_past
        self.homepages_path = Path(homepages_path) if homepages_path else None
        self.homepages = {}
        self.existing_codes = set()
        self.left_out_past = 0
        self.without_gss = []

    def read(self):
        rows = read_csv(self.path, self.columns)
        if self.homepages_path:
            self.homepages = self._homepages(read_csv(self.homepages_path, self.homepage_columns))
        return rows

    def records(self, rows, existing):
        self.existing_codes = set(existing)
        records, problems = super().records(rows, existing)
        if self.left_out_past:
            self.notes.append(
                _("%(count)s past councils left out (use --all to include them).")
                % {"count": f"{self.left_out_past:,}"}
            )
        if self.without_gss:
            self.notes.append(
                _("%(count)s past councils have no GSS code and were not imported: %(names)s.")
                % {"count": f"{len(self.without_gss):,}", "names": ", ".join(self.without_gss)}
            )
        return records, problems

    def parse(self, row):
        is_current = row.choice("current-authority", CURRENT)
        gss_code = row.text("gss-code", max_length=9)
        if not is_current and not self.include_past and gss_code not in self.existing_codes:
            # A past council already in the library is still updated, so that it is marked as past.
            self.left_out_past += 1
            return None
        if not gss_code:
            if is_current:
                raise row.error("gss-code", _("is empty; every current council needs its GSS code"))
            # Northern Ireland's pre-2015 districts have no GSS code, the key the library uses.
            self.without_gss.append(row.raw("official-name") or row.raw("local-authority-code"))
            return None
        gov_uk_slug = row.raw("gov-uk-slug")
        website = self.homepages.get(gss_code) or row.url("website")
        if not website and gov_uk_slug:
            website = GOVUK_COUNCIL_PAGE.format(slug=gov_uk_slug)
        return Record(
            row,
            {
                "gss_code": gss_code,
                "local_authority_code": row.text("local-authority-code", max_length=4),
                "official_name": row.text("official-name", required=True, max_length=255),
                "name": row.text("nice-name", required=True, max_length=255),
                "council_type": row.choice("local-authority-type", COUNCIL_TYPES),
                "nation": row.choice("nation", NATIONS),
                "region": row.text("region", max_length=100),
                "website": website,
                "is_current": is_current,
            },
            {"parent_county": Reference("county-la", "local_authority_code", row.raw("county-la"))},
        )

    def _homepages(self, rows):
        homepages, problems = {}, []
        for row in rows:
            try:
                gss_code = row.text("gss", required=True)
                homepages[gss_code] = row.url("homepage_url")
            except RowError as error:
                problems.append(str(error))
        if problems:
            raise ImportFailed(problems)
        return homepages

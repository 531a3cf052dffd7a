"""The demo's taxonomies: pattern types, life events, services, councils and Design System components.

Rows are merged by natural key with whatever the importers loaded, so the demo never duplicates them.
"""

from typing import NamedTuple


class PatternTypeRow(NamedTuple):
    slug: str
    name: str
    description: str


class LifeEventRow(NamedTuple):
    slug: str
    name: str
    description: str


class ServiceRow(NamedTuple):
    lgsl_code: int
    name: str
    providing_tier: str
    life_events: tuple
    description: str


class CouncilRow(NamedTuple):
    gss_code: str
    local_authority_code: str
    official_name: str
    name: str
    council_type: str
    nation: str
    region: str
    parent_county: str
    website: str


class ComponentRow(NamedTuple):
    slug: str
    name: str
    kind: str
    theme: str
    url: str
    description: str


PATTERN_TYPES = [
    PatternTypeRow(
        "apply",
        "Apply",
        "The resident asks the council for something it decides on: a place, a permit, a grant or a reduction. "
        "The council checks eligibility, may ask for evidence and gives a decision the resident can challenge.",
    ),
    PatternTypeRow(
        "book",
        "Book",
        "The resident reserves a time or a slot: an appointment, a visit to a site, a collection. "
        "They need to see what is free, choose, and be able to change or cancel.",
    ),
    PatternTypeRow(
        "check",
        "Check",
        "The resident looks something up that is specific to them or their address: a collection day, "
        "a balance, the status of a case. Nothing is created and no decision is made.",
    ),
    PatternTypeRow(
        "pay",
        "Pay",
        "The resident pays the council an amount it has set or that they owe: a charge, a fine, a bill. "
        "They need to know what they are paying for, pay safely and get a receipt.",
    ),
    PatternTypeRow(
        "register",
        "Register",
        "The resident records a fact the council must hold by law or that puts them on a list: a death, a birth, "
        "a vote, a place on the housing register.",
    ),
    PatternTypeRow(
        "request",
        "Request",
        "The resident asks for a service the council provides on demand, usually without an eligibility decision: "
        "a collection, a container, a repair.",
    ),
    PatternTypeRow(
        "tell",
        "Tell",
        "The resident reports a problem or a change so that the council can act on it: a missed bin, a pothole, "
        "a new address. They want to know it was received and what happens next.",
    ),
]

LIFE_EVENTS = [
    LifeEventRow(
        "having-a-baby",
        "Having a baby",
        "Registering the birth, childcare and early education, and the changes a new child brings to a household.",
    ),
    LifeEventRow(
        "starting-school",
        "Starting or changing school",
        "Applying for a school place, getting to school and help with the costs of school.",
    ),
    LifeEventRow(
        "moving-home",
        "Moving home",
        "Telling the council about a new address: council tax, the electoral register, bins and parking.",
    ),
    LifeEventRow(
        "bereavement",
        "Dealing with a death",
        "Registering a death, arranging a funeral and sorting out the council services the person used.",
    ),
    LifeEventRow(
        "becoming-disabled",
        "Living with a disability",
        "Parking, travel, adaptations to the home and support for someone whose mobility or health has changed.",
    ),
    LifeEventRow(
        "caring-for-someone",
        "Caring for someone",
        "Support, assessments and breaks for people who look after a relative, partner or friend.",
    ),
    LifeEventRow(
        "losing-a-job",
        "Losing a job or having less money",
        "Help with council tax, rent and school costs when a household's income falls.",
    ),
    LifeEventRow(
        "getting-married",
        "Getting married or forming a civil partnership",
        "Giving notice, booking a ceremony and the registration that follows.",
    ),
    LifeEventRow(
        "retiring",
        "Retiring and growing older",
        "Concessionary travel, care and support at home, and discounts that come with age.",
    ),
    LifeEventRow(
        "becoming-a-british-citizen",
        "Becoming a British citizen",
        "Booking and attending a citizenship ceremony after the Home Office has approved an application.",
    ),
    LifeEventRow(
        "starting-a-business",
        "Starting a business",
        "Licences, business rates and permissions for a new business or trader.",
    ),
    LifeEventRow(
        "owning-a-vehicle",
        "Owning or driving a vehicle",
        "Parking permits, penalty charges, dropped kerbs and the state of the roads.",
    ),
]

COUNTY = "county/unitary"
DISTRICT = "district/unitary"
ALL = "all"

# LGSL codes and names are from the LGSL list; providing tiers from GOV.UK's local services list where it has
# the code, otherwise the tier that delivers the service in two-tier areas. Descriptions are our own.
SERVICES = [
    ServiceRow(
        13,
        "Primary school places",
        COUNTY,
        ("starting-school",),
        "Places at infant, junior and primary schools, allocated by the admissions authority.",
    ),
    ServiceRow(
        14,
        "Secondary school places",
        COUNTY,
        ("starting-school",),
        "Places at secondary schools for children moving up from year 6, and for in-year transfers.",
    ),
    ServiceRow(
        705,
        "School admission appeals",
        COUNTY,
        ("starting-school",),
        "Appeals to an independent panel by parents whose child was refused a school place.",
    ),
    ServiceRow(
        891,
        "School transport",
        COUNTY,
        ("starting-school",),
        "Free or subsidised travel to school for children who live beyond walking distance.",
    ),
    ServiceRow(
        4,
        "Free school meals",
        COUNTY,
        ("starting-school", "losing-a-job"),
        "Free lunches at school for children from households on certain benefits.",
    ),
    ServiceRow(
        12,
        "Nursery school places",
        COUNTY,
        ("having-a-baby",),
        "Places at nursery schools and classes, including funded early education hours.",
    ),
    ServiceRow(
        524,
        "Household waste collection",
        DISTRICT,
        ("moving-home",),
        "Regular kerbside collection of rubbish from homes, including reports of collections that were missed.",
    ),
    ServiceRow(
        528,
        "Bulky household waste collections",
        DISTRICT,
        ("moving-home", "bereavement"),
        "Collection of large items such as furniture and white goods, usually for a charge.",
    ),
    ServiceRow(
        530,
        "Household garden waste",
        DISTRICT,
        (),
        "Collection of grass, leaves and cuttings, often as an annual subscription.",
    ),
    ServiceRow(
        533,
        "Recycling bags and containers",
        DISTRICT,
        ("moving-home",),
        "Supplying and replacing bins, boxes and bags for recycling.",
    ),
    ServiceRow(
        531,
        "Household waste disposal sites",
        COUNTY,
        ("moving-home",),
        "Recycling centres where residents take household waste the kerbside collection does not take.",
    ),
    ServiceRow(
        850,
        "Hazardous waste collection",
        DISTRICT,
        (),
        "Safe collection of things such as asbestos, chemicals and gas bottles from homes.",
    ),
    ServiceRow(
        587,
        "Flytipping",
        DISTRICT,
        (),
        "Clearing waste dumped illegally on public land, and taking action against those who dumped it.",
    ),
    ServiceRow(
        471,
        "Street parking enforcement",
        ALL,
        ("owning-a-vehicle",),
        "Enforcing parking restrictions and dealing with penalty charge notices, payments and challenges.",
    ),
    ServiceRow(
        474,
        "Parking permits",
        ALL,
        ("owning-a-vehicle", "moving-home"),
        "Permits for residents, visitors and businesses to park in controlled zones.",
    ),
    ServiceRow(
        279,
        "Disabled people - parking permits",
        COUNTY,
        ("becoming-disabled", "owning-a-vehicle"),
        "The Blue Badge scheme, which lets disabled people park closer to where they need to go.",
    ),
    ServiceRow(
        274,
        "Disabled people - parking bays",
        COUNTY,
        ("becoming-disabled",),
        "Marked disabled parking bays near the homes of Blue Badge holders.",
    ),
    ServiceRow(
        477,
        "Dropped kerbs",
        COUNTY,
        ("owning-a-vehicle", "becoming-disabled"),
        "Lowering the kerb so that a vehicle can cross the pavement to a driveway.",
    ),
    ServiceRow(
        557,
        "Road maintenance",
        COUNTY,
        ("owning-a-vehicle",),
        "Repairing potholes and other defects in the road surface.",
    ),
    ServiceRow(
        564, "Street lighting", COUNTY, (), "Maintaining street lights and fixing ones that are out or damaged."
    ),
    ServiceRow(
        321,
        "Death registration",
        COUNTY,
        ("bereavement",),
        "Recording a death with the registrar and issuing the certificates the family needs.",
    ),
    ServiceRow(
        319,
        "Birth registration",
        COUNTY,
        ("having-a-baby",),
        "Recording a birth with the registrar within 42 days and issuing a birth certificate.",
    ),
    ServiceRow(
        322,
        "Stillbirth registration",
        COUNTY,
        ("having-a-baby", "bereavement"),
        "Registering a stillbirth, handled with particular care by the registration service.",
    ),
    ServiceRow(
        1716,
        "Marriage or civil partnership registration",
        COUNTY,
        ("getting-married",),
        "Conducting and registering marriages and civil partnerships.",
    ),
    ServiceRow(
        876,
        "Notice of marriage or civil partnership",
        COUNTY,
        ("getting-married",),
        "Giving formal notice of an intended marriage or civil partnership to the registrar.",
    ),
    ServiceRow(
        852,
        "Citizenship ceremonies",
        COUNTY,
        ("becoming-a-british-citizen",),
        "Ceremonies at which new British citizens make their oath or affirmation and receive a certificate.",
    ),
    ServiceRow(
        57,
        "Council tax annual notification",
        DISTRICT,
        ("moving-home",),
        "The yearly council tax bill and the information sent with it.",
    ),
    ServiceRow(
        58,
        "Council tax account enquiries",
        DISTRICT,
        ("moving-home",),
        "Questions about a council tax account, including moving in or out of a property.",
    ),
    ServiceRow(
        59,
        "Council tax discount",
        DISTRICT,
        ("bereavement", "retiring"),
        "Discounts such as the single person discount when fewer adults live in a home.",
    ),
    ServiceRow(
        60,
        "Council tax exemptions",
        DISTRICT,
        ("bereavement",),
        "Properties that do not pay council tax, for example while empty after the owner has died.",
    ),
    ServiceRow(
        63,
        "Council tax benefit new claim",
        DISTRICT,
        ("losing-a-job",),
        "New claims for help paying council tax; now delivered as each council's council tax reduction scheme.",
    ),
    ServiceRow(
        69,
        "Housing benefit new claim",
        DISTRICT,
        ("losing-a-job",),
        "New claims for help paying rent from people who cannot claim Universal Credit for housing costs.",
    ),
    ServiceRow(
        370,
        "Change of circumstances",
        ALL,
        ("moving-home", "bereavement"),
        "Telling the council about a change that affects bills, benefits or services, such as a new address.",
    ),
    ServiceRow(
        364,
        "Electoral register",
        DISTRICT,
        ("moving-home",),
        "Registering to vote and keeping the register of electors up to date.",
    ),
    ServiceRow(
        92,
        "Registering for a council property",
        DISTRICT,
        ("moving-home", "losing-a-job"),
        "Joining the housing register to be considered for council or housing association homes.",
    ),
    ServiceRow(
        112,
        "Homelessness support",
        DISTRICT,
        ("losing-a-job",),
        "Advice and help for people who are homeless or at risk of losing their home.",
    ),
    ServiceRow(
        137,
        "Disabled facilities grant",
        DISTRICT,
        ("becoming-disabled", "caring-for-someone"),
        "Grants towards adaptations such as stairlifts and level-access showers.",
    ),
    ServiceRow(
        209,
        "Care needs assessment",
        COUNTY,
        ("caring-for-someone", "retiring"),
        "Assessing what care and support an adult needs and whether the council will meet those needs.",
    ),
    ServiceRow(
        225,
        "Adult carers",
        COUNTY,
        ("caring-for-someone",),
        "Assessments and support for adults who care for another adult without being paid.",
    ),
    ServiceRow(
        273,
        "Older people's bus pass",
        COUNTY,
        ("retiring",),
        "Free off-peak local bus travel for people of state pension age.",
    ),
    ServiceRow(
        280,
        "Disabled people - bus passes",
        COUNTY,
        ("becoming-disabled",),
        "Free local bus travel for eligible disabled people.",
    ),
    ServiceRow(
        438,
        "Joining a library",
        COUNTY,
        ("moving-home", "having-a-baby"),
        "Becoming a library member, online or at any branch.",
    ),
    ServiceRow(
        412,
        "Noise pollution",
        DISTRICT,
        (),
        "Investigating complaints about noise from homes, businesses and building sites.",
    ),
    ServiceRow(
        431, "Pest control", DISTRICT, (), "Treatment for pests such as rats, mice and wasps, sometimes for a fee."
    ),
    ServiceRow(
        353,
        "Complaints procedure",
        ALL,
        (),
        "How residents complain about a council service and how the council responds.",
    ),
    ServiceRow(
        860,
        "Premises licence",
        DISTRICT,
        ("starting-a-business",),
        "Licences for premises that sell alcohol, serve late-night food or put on entertainment.",
    ),
    ServiceRow(
        400,
        "Street trading licence",
        DISTRICT,
        ("starting-a-business",),
        "Consent to sell goods or food from a stall or vehicle in the street.",
    ),
    ServiceRow(
        55,
        "Business rate relief",
        DISTRICT,
        ("starting-a-business",),
        "Reductions in business rates for small businesses, charities and others who qualify.",
    ),
    ServiceRow(
        793,
        "Civil emergencies - flooding",
        ALL,
        (),
        "Help for homes and businesses when water comes in: sandbags, warnings and what to do next.",
    ),
    ServiceRow(
        1612,
        "Flood prevention",
        COUNTY,
        (),
        "Work to lower the chance of water getting into homes in places that have flooded before.",
    ),
    ServiceRow(
        555,
        "Drain and gully clearance",
        COUNTY,
        (),
        "Emptying blocked road drains and gullies, urgently when a road or pavement is under water.",
    ),
]

# GSS codes, names, types, regions and parent counties are from mySociety's list of UK local authorities;
# websites from GOV.UK's list of councils.
COUNCILS = [
    CouncilRow(
        "E10000012",
        "ESS",
        "Essex County Council",
        "Essex",
        "county",
        "england",
        "East of England",
        "",
        "https://www.essex.gov.uk/",
    ),
    CouncilRow(
        "E07000066",
        "BAI",
        "Basildon Borough Council",
        "Basildon",
        "district",
        "england",
        "East of England",
        "E10000012",
        "https://www.basildon.gov.uk/",
    ),
    CouncilRow(
        "E07000068",
        "BRW",
        "Brentwood Borough Council",
        "Brentwood",
        "district",
        "england",
        "East of England",
        "E10000012",
        "http://www.brentwood.gov.uk/",
    ),
    CouncilRow(
        "E07000070",
        "CHL",
        "Chelmsford City Council",
        "Chelmsford",
        "district",
        "england",
        "East of England",
        "E10000012",
        "https://www.chelmsford.gov.uk/",
    ),
    CouncilRow(
        "E07000071",
        "COL",
        "Colchester Borough Council",
        "Colchester",
        "district",
        "england",
        "East of England",
        "E10000012",
        "http://www.colchester.gov.uk/",
    ),
    CouncilRow(
        "E10000016",
        "KEN",
        "Kent County Council",
        "Kent",
        "county",
        "england",
        "South East",
        "",
        "http://www.kent.gov.uk/",
    ),
    CouncilRow(
        "E07000110",
        "MAI",
        "Maidstone Borough Council",
        "Maidstone",
        "district",
        "england",
        "South East",
        "E10000016",
        "http://www.maidstone.gov.uk",
    ),
    CouncilRow(
        "E10000014",
        "HAM",
        "Hampshire County Council",
        "Hampshire",
        "county",
        "england",
        "South East",
        "",
        "http://www.hants.gov.uk/",
    ),
    CouncilRow(
        "E07000094",
        "WIN",
        "Winchester City Council",
        "Winchester",
        "district",
        "england",
        "South East",
        "E10000014",
        "https://www.winchester.gov.uk/",
    ),
    CouncilRow(
        "E06000023",
        "BST",
        "Bristol City Council",
        "City of Bristol",
        "unitary",
        "england",
        "South West",
        "",
        "https://www.bristol.gov.uk/",
    ),
    CouncilRow(
        "E06000052",
        "CON",
        "Cornwall Council",
        "Cornwall",
        "unitary",
        "england",
        "South West",
        "",
        "https://www.cornwall.gov.uk/",
    ),
    CouncilRow(
        "E06000016",
        "LCE",
        "Leicester City Council",
        "Leicester",
        "unitary",
        "england",
        "East Midlands",
        "",
        "https://www.leicester.gov.uk/",
    ),
    CouncilRow(
        "E06000065",
        "NYE",
        "North Yorkshire Council",
        "North Yorkshire",
        "unitary",
        "england",
        "Yorkshire and The Humber",
        "",
        "https://www.northyorks.gov.uk/",
    ),
    CouncilRow(
        "E08000025",
        "BIR",
        "Birmingham City Council",
        "Birmingham",
        "metropolitan-district",
        "england",
        "West Midlands",
        "",
        "https://www.birmingham.gov.uk/",
    ),
    CouncilRow(
        "E08000003",
        "MAN",
        "Manchester City Council",
        "Manchester",
        "metropolitan-district",
        "england",
        "North West",
        "",
        "http://www.manchester.gov.uk/",
    ),
    CouncilRow(
        "E08000035",
        "LDS",
        "Leeds City Council",
        "Leeds",
        "metropolitan-district",
        "england",
        "Yorkshire and The Humber",
        "",
        "https://www.leeds.gov.uk/",
    ),
    CouncilRow(
        "E08000019",
        "SHF",
        "Sheffield City Council",
        "Sheffield",
        "metropolitan-district",
        "england",
        "Yorkshire and The Humber",
        "",
        "https://www.sheffield.gov.uk/",
    ),
    CouncilRow(
        "E09000007",
        "CMD",
        "London Borough of Camden",
        "Camden",
        "london-borough",
        "england",
        "London",
        "",
        "https://www.camden.gov.uk/",
    ),
    CouncilRow(
        "E09000012",
        "HCK",
        "London Borough of Hackney",
        "Hackney",
        "london-borough",
        "england",
        "London",
        "",
        "http://www.hackney.gov.uk/",
    ),
    CouncilRow(
        "E09000030",
        "TWH",
        "London Borough of Tower Hamlets",
        "Tower Hamlets",
        "london-borough",
        "england",
        "London",
        "",
        "http://www.towerhamlets.gov.uk/",
    ),
    CouncilRow(
        "E09000003",
        "BNE",
        "London Borough of Barnet",
        "Barnet",
        "london-borough",
        "england",
        "London",
        "",
        "https://www.barnet.gov.uk/",
    ),
    CouncilRow(
        "W06000015",
        "CRF",
        "City of Cardiff Council",
        "Cardiff",
        "welsh-principal-area",
        "wales",
        "Wales",
        "",
        "https://www.cardiff.gov.uk/",
    ),
    CouncilRow(
        "W06000011",
        "SWA",
        "City and County of Swansea Council",
        "Swansea",
        "welsh-principal-area",
        "wales",
        "Wales",
        "",
        "https://www.swansea.gov.uk/",
    ),
    CouncilRow(
        "W06000002",
        "GWN",
        "Gwynedd Council",
        "Gwynedd",
        "welsh-principal-area",
        "wales",
        "Wales",
        "",
        "https://www.gwynedd.llyw.cymru/",
    ),
    CouncilRow(
        "S12000036",
        "EDH",
        "City of Edinburgh Council",
        "City of Edinburgh",
        "scottish-council",
        "scotland",
        "Scotland",
        "",
        "https://www.edinburgh.gov.uk/",
    ),
    CouncilRow(
        "S12000049",
        "GLG",
        "Glasgow City Council",
        "Glasgow City",
        "scottish-council",
        "scotland",
        "Scotland",
        "",
        "https://www.glasgow.gov.uk/",
    ),
    CouncilRow(
        "S12000047",
        "FIF",
        "Fife Council",
        "Fife",
        "scottish-council",
        "scotland",
        "Scotland",
        "",
        "https://www.fife.gov.uk/",
    ),
    CouncilRow(
        "N09000003",
        "BFS",
        "Belfast City Council",
        "Belfast",
        "ni-district",
        "northern-ireland",
        "Northern Ireland",
        "",
        "https://www.belfastcity.gov.uk/",
    ),
]

DS = "https://design-system.service.gov.uk"
ASK = "Ask users for…"
HELP = "Help users to…"
PAGES = "Pages"

# Slugs, names, themes and URLs are the GOV.UK Design System's; the one-line descriptions are our own.
COMPONENTS = [
    ComponentRow(
        "start-using-a-service",
        "Start using a service",
        "pattern",
        HELP,
        f"{DS}/patterns/start-using-a-service/",
        "How people find and begin a service, usually from GOV.UK.",
    ),
    ComponentRow(
        "check-a-service-is-suitable",
        "Check a service is suitable",
        "pattern",
        HELP,
        f"{DS}/patterns/check-a-service-is-suitable/",
        "Questions up front that tell people early whether the service is for them.",
    ),
    ComponentRow(
        "question-pages",
        "Question pages",
        "pattern",
        PAGES,
        f"{DS}/patterns/question-pages/",
        "Pages that ask one thing at a time.",
    ),
    ComponentRow(
        "check-answers",
        "Check answers",
        "pattern",
        HELP,
        f"{DS}/patterns/check-answers/",
        "A page where people review and change their answers before they submit.",
    ),
    ComponentRow(
        "confirmation-pages",
        "Confirmation pages",
        "pattern",
        PAGES,
        f"{DS}/patterns/confirmation-pages/",
        "The page that says the transaction is done and what happens next.",
    ),
    ComponentRow(
        "interruption-pages",
        "Interruption pages",
        "pattern",
        PAGES,
        f"{DS}/patterns/interruption-pages/",
        "A page that stops people to tell them something important before they go on.",
    ),
    ComponentRow(
        "validation",
        "Recover from validation errors",
        "pattern",
        HELP,
        f"{DS}/patterns/validation/",
        "Telling people what went wrong with an answer and how to fix it.",
    ),
    ComponentRow(
        "contact-a-department-or-service-team",
        "Contact a department or service team",
        "pattern",
        HELP,
        f"{DS}/patterns/contact-a-department-or-service-team/",
        "Giving people the contact details of the team that runs the service.",
    ),
    ComponentRow(
        "addresses",
        "Addresses",
        "pattern",
        ASK,
        f"{DS}/patterns/addresses/",
        "Asking for a postal address, by postcode lookup or as separate fields.",
    ),
    ComponentRow("names", "Names", "pattern", ASK, f"{DS}/patterns/names/", "Asking for a person's name."),
    ComponentRow(
        "email-addresses",
        "Email addresses",
        "pattern",
        ASK,
        f"{DS}/patterns/email-addresses/",
        "Asking for an email address to send updates to.",
    ),
    ComponentRow(
        "phone-numbers",
        "Phone numbers",
        "pattern",
        ASK,
        f"{DS}/patterns/phone-numbers/",
        "Asking for a phone number, and saying why it is needed.",
    ),
    ComponentRow(
        "dates", "Dates", "pattern", ASK, f"{DS}/patterns/dates/", "Asking for a date that people know or can look up."
    ),
    ComponentRow(
        "bank-details",
        "Bank details",
        "pattern",
        ASK,
        f"{DS}/patterns/bank-details/",
        "Asking for account details so that money can be paid to someone.",
    ),
    ComponentRow(
        "national-insurance-numbers",
        "National Insurance numbers",
        "pattern",
        ASK,
        f"{DS}/patterns/national-insurance-numbers/",
        "Asking for a National Insurance number.",
    ),
    ComponentRow(
        "payment-card-details",
        "Payment card details",
        "pattern",
        ASK,
        f"{DS}/patterns/payment-card-details/",
        "Taking a card payment, usually through GOV.UK Pay.",
    ),
    ComponentRow(
        "equality-information",
        "Equality information",
        "pattern",
        ASK,
        f"{DS}/patterns/equality-information/",
        "Asking optional questions for equality monitoring.",
    ),
    ComponentRow(
        "button",
        "Button",
        "component",
        "",
        f"{DS}/components/button/",
        "The action that moves people on, such as Continue or Submit.",
    ),
    ComponentRow("radios", "Radios", "component", "", f"{DS}/components/radios/", "Choosing one option from a list."),
    ComponentRow(
        "checkboxes", "Checkboxes", "component", "", f"{DS}/components/checkboxes/", "Choosing any number of options."
    ),
    ComponentRow(
        "date-input",
        "Date input",
        "component",
        "",
        f"{DS}/components/date-input/",
        "Day, month and year fields for a memorable date.",
    ),
    ComponentRow(
        "text-input",
        "Text input",
        "component",
        "",
        f"{DS}/components/text-input/",
        "A single line of text, such as a reference number.",
    ),
    ComponentRow("textarea", "Textarea", "component", "", f"{DS}/components/textarea/", "Several lines of free text."),
    ComponentRow(
        "character-count",
        "Character count",
        "component",
        "",
        f"{DS}/components/character-count/",
        "Free text with a visible limit.",
    ),
    ComponentRow(
        "select",
        "Select",
        "component",
        "",
        f"{DS}/components/select/",
        "Choosing one option from a long list, used sparingly.",
    ),
    ComponentRow(
        "file-upload",
        "File upload",
        "component",
        "",
        f"{DS}/components/file-upload/",
        "Attaching evidence such as a photo or a letter.",
    ),
    ComponentRow(
        "summary-list",
        "Summary list",
        "component",
        "",
        f"{DS}/components/summary-list/",
        "Pairs of keys and values, as on a check answers page.",
    ),
    ComponentRow("table", "Table", "component", "", f"{DS}/components/table/", "Data laid out for comparison."),
    ComponentRow(
        "panel",
        "Panel",
        "component",
        "",
        f"{DS}/components/panel/",
        "The highlighted box on a confirmation page with the reference number.",
    ),
    ComponentRow(
        "inset-text",
        "Inset text",
        "component",
        "",
        f"{DS}/components/inset-text/",
        "Text set apart from its surroundings, such as a quotation or a note.",
    ),
    ComponentRow(
        "warning-text",
        "Warning text",
        "component",
        "",
        f"{DS}/components/warning-text/",
        "Something people must not miss, such as a legal consequence.",
    ),
    ComponentRow(
        "details",
        "Details",
        "component",
        "",
        f"{DS}/components/details/",
        "Help that only some people need, shown when they ask for it.",
    ),
    ComponentRow(
        "error-summary",
        "Error summary",
        "component",
        "",
        f"{DS}/components/error-summary/",
        "A list of the problems on a page, at the top.",
    ),
    ComponentRow(
        "error-message",
        "Error message",
        "component",
        "",
        f"{DS}/components/error-message/",
        "The message next to the answer that has a problem.",
    ),
    ComponentRow(
        "notification-banner",
        "Notification banner",
        "component",
        "",
        f"{DS}/components/notification-banner/",
        "A message about the service or the person's case.",
    ),
    ComponentRow(
        "task-list",
        "Task list",
        "component",
        "",
        f"{DS}/components/task-list/",
        "The parts of a long transaction and how far through each one people are.",
    ),
    ComponentRow("tag", "Tag", "component", "", f"{DS}/components/tag/", "A short label for a status."),
    ComponentRow(
        "fieldset",
        "Fieldset",
        "component",
        "",
        f"{DS}/components/fieldset/",
        "Groups related questions under one legend, such as the lines of an address.",
    ),
]

"""The two standards every install starts with. Titles follow the published standards; the one-line
summaries are the library's own words. Used by the data migration ``0002_load_standards``."""

GOVUK_SERVICE_STANDARD = {
    "slug": "govuk-service-standard",
    "name": "GOV.UK Service Standard",
    "short_name": "GOV.UK",
    "url": "https://www.gov.uk/service-manual/service-standard",
    "description": "The standard central government services are assessed against, in 14 points.",
    "points": [
        (1, "Understand users and their needs", "Know who uses the service and what they are trying to get done."),
        (
            2,
            "Solve a whole problem for users",
            "Design around the user's whole task, not one organisation's part of it.",
        ),
        (
            3,
            "Provide a joined up experience across all channels",
            "Online, phone, paper and face to face tell one story.",
        ),
        (4, "Make the service simple to use", "Most people get through first time without help."),
        (
            5,
            "Make sure everyone can use the service",
            "Meet accessibility standards and support people who cannot use it online.",
        ),
        (6, "Have a multidisciplinary team", "The people who research, design, build and run it work as one team."),
        (7, "Use agile ways of working", "Plan in short cycles and change course on evidence."),
        (8, "Iterate and improve frequently", "Keep the capacity to change the service after it goes live."),
        (9, "Create a secure service which protects users' privacy", "Hold only the data you need and protect it."),
        (
            10,
            "Define what success looks like and publish performance data",
            "Choose measures up front and publish them.",
        ),
        (11, "Choose the right tools and technology", "Pick technology for the job, and avoid being locked in."),
        (12, "Make new source code open", "Publish the code so others can reuse and check it."),
        (
            13,
            "Use and contribute to open standards, common components and patterns",
            "Reuse proven designs and give back.",
        ),
        (14, "Operate a reliable service", "Keep it running, and plan for when it is not."),
    ],
}

LOCAL_GOVERNMENT_DIGITAL_SERVICE_STANDARD = {
    "slug": "local-government-digital-service-standard",
    "name": "Local Government Digital Service Standard",
    "short_name": "LGDSS",
    "url": "https://localgov.digital/service-standard",
    "description": "The common approach councils agreed through LocalGov Digital in 2016, in 15 points.",
    "points": [
        (
            1,
            "Understand user needs",
            "Research who the residents using the service are and what that means for its design.",
        ),
        (2, "Have a multidisciplinary team", "A skilled, lasting team led by a manager who can make decisions."),
        (3, "Use agile methods", "Build iteratively and around users, as the service manual describes."),
        (4, "Iterate and improve regularly", "Keep the people, budget and technical room to keep improving it."),
        (5, "Evaluate appropriate tools and systems", "Choose how to build, host and measure it, reusing what exists."),
        (
            6,
            "Evaluate what user data and information",
            "Know the data held, its security, legal duties and privacy risks.",
        ),
        (7, "Use open standards", "Use open standards and registers; open up code and data where possible."),
        (8, "Test the end-to-end service", "Test the whole service, on common browsers and devices, like live."),
        (9, "Make a plan for being offline", "Know what happens when the digital service is down, and rehearse it."),
        (10, "Make sure users succeed first time", "Simple enough that people finish it unaided at the first attempt."),
        (11, "Be consistent with government services", "Use common platforms and the government's design patterns."),
        (
            12,
            "Encourage people to use the digital service",
            "Make it the easiest route, with help for those who need it.",
        ),
        (13, "Identify performance indicators", "Measure it, building on indicators the council already reports."),
        (14, "Keep learning from users", "Keep researching, testing and collecting feedback to improve it."),
        (
            15,
            "Test it with the person responsible",
            "The councillor or senior manager accountable tries it end to end.",
        ),
    ],
}

STANDARDS = [LOCAL_GOVERNMENT_DIGITAL_SERVICE_STANDARD, GOVUK_SERVICE_STANDARD]


def load_standards(ServiceStandard, StandardPoint, Locale):  # noqa: N803 - model classes, from a migration too
    """Create or update the standards above in the default locale. Returns the standards.

    Takes the model classes so that the data migration can pass its historical models.
    """
    import uuid

    english, _ = Locale.objects.get_or_create(language_code="en")
    standards = []
    for data in STANDARDS:
        fields = {key: data[key] for key in ("name", "short_name", "url", "description")}
        standard, _ = ServiceStandard.objects.update_or_create(
            slug=data["slug"],
            locale=english,
            defaults=fields,
            create_defaults={**fields, "translation_key": uuid.uuid4()},
        )
        for number, title, summary in data["points"]:
            StandardPoint.objects.update_or_create(
                standard=standard,
                number=number,
                locale=english,
                defaults={"title": title, "summary": summary},
                create_defaults={"title": title, "summary": summary, "translation_key": uuid.uuid4()},
            )
        standards.append(standard)
    return standards

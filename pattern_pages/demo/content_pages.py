"""The demo's home page text, index pages and guidance pages. Written by the project."""

HOME = {
    "title": "LocalGov Pattern Library",
    "introduction": "Service patterns and processes for UK councils, shared by councils. Start a redesign from "
    "a pattern that has been tested with residents, see how other councils deliver the service behind it, and "
    "share what your council has learned.",
}

PATTERN_INDEX = {
    "title": "Service patterns",
    "introduction": "<p>How a council service shows itself to the people who use it: the steps, the questions "
    "and the GOV.UK Design System components, with the research behind them.</p>",
}

PROCESS_INDEX = {
    "title": "Processes",
    "introduction": "<p>How services are delivered behind the scenes: who does what, in which system, under "
    "which law and how long it takes.</p>",
}

CONTENT_PAGES = [
    {
        "slug": "about",
        "title": "About the pattern library",
        "summary": "What the library is, who runs it and who it is for.",
        "history": [{"summary": "What the library is and who it is for."}],
        "body": [
            "Hundreds of councils deliver the same services, often to the same legal duty, and each designs them "
            "on its own. This library lets councils share two things: service patterns, which describe how a "
            "service looks to the resident, and processes, which describe how it is delivered.",
            "The library is run by local government for local government. It does not belong to any platform or "
            "supplier, and everything in it is free to reuse.",
            (
                "list",
                [
                    "Service designers use it to start from a pattern that has been tested.",
                    "Managers use it to see which councils already run a service this way.",
                    "Suppliers use the API to build patterns into their products.",
                ],
            ),
            "Service names and codes come from the Local Government Service List. Contains LG Inform Plus Local "
            "Government Service List data, licensed under the Open Government Licence.",
        ],
    },
    {
        "slug": "how-to-contribute",
        "title": "How to contribute",
        "summary": "How your council can add a pattern or a process, or tell us it uses one.",
        "body": [
            "Any council can contribute. Ask the library team for an editor account, then draft a pattern or a "
            "process in the editor. Every contribution is reviewed before it is published.",
            (
                "list",
                [
                    "Start from an existing pattern if there is one, and describe your variant.",
                    "Name the GOV.UK Design System components each step uses.",
                    "Link each step to the process step it starts.",
                    "Say what research you did, with whom and what you found.",
                ],
            ),
            ("inset", "Do not include personal data from your research: summarise what you learned."),
        ],
    },
    {
        "slug": "service-standard",
        "title": "The service standard for patterns",
        "summary": "What a pattern needs before it can be marked beta or stable.",
        "body": [
            "Patterns move from experimental to beta to stable as the evidence for them grows.",
            ("details", "Experimental", "A pattern someone is trying. It may change completely."),
            ("details", "Beta", "Tested with users in at least one council, with the findings recorded."),
            (
                "details",
                "Stable",
                "Tested with users in several councils, meeting WCAG 2.2 AA, and reviewed within the last year.",
            ),
            ("warning", "A pattern past its review-by date is shown as needing review until someone checks it."),
        ],
    },
]

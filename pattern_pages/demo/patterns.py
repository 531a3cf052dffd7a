"""The demo's service patterns, in the GOV.UK Design System's pattern anatomy. Written by the project.

A step's ``components`` are Design System slugs; ``triggers`` are ``(process slug, step ref)`` pairs.
``history`` lists earlier published states, oldest first.
"""

from datetime import date

ACCESSIBILITY_BASICS = (
    "Ask one question per page and use the Design System components unchanged: they have been tested with "
    "screen readers, screen magnifiers, speech recognition and keyboard-only users."
)

PATTERNS = [
    {
        "slug": "apply-for-a-school-place",
        "title": "Apply for a school place",
        "type": "apply",
        "summary": "Parents and carers apply for a place at a primary or secondary school, ranking the schools "
        "they prefer, in the normal admissions round or during the school year.",
        "services": [13, 14],
        "life_events": ["starting-school"],
        "maturity": "stable",
        "version": "2.1.0",
        "review_by": date(2027, 8, 31),
        "owner": "E10000012",
        "history": [{"version": "1.0.0", "maturity": "beta"}, {"version": "2.0.0", "maturity": "stable"}],
        "when_to_use": [
            "Use this pattern when the council is the admission authority or co-ordinates admissions for "
            "schools in its area, for children starting reception, moving to junior school or moving to "
            "secondary school.",
            "It also works for in-year applications, when a family moves into the area or wants to change school.",
        ],
        "when_not_to_use": [
            "Do not use it for places at independent schools, for sixth-form places a school manages itself, "
            "or for nursery places, which follow a different process.",
            ("inset", "Children with an education, health and care plan are placed through the plan, not this form."),
        ],
        "how_it_works": [
            "The parent checks that the child is the right age and lives in the council's area, tells us about "
            "the child and the address, ranks up to the number of schools the scheme allows and explains any "
            "reasons for priority, such as a sibling at the school.",
            "Every application is submitted by the closing date and treated equally, whatever its order of "
            "arrival. Offers are made on national offer day.",
            (
                "warning",
                "Putting a school first does not give a child higher priority for it: rank schools in the "
                "order you really prefer them.",
            ),
        ],
        "user_needs": [
            (
                "parent of a child starting school",
                "to apply for schools in order of preference",
                "my child has a place in September",
            ),
            ("parent", "to know which schools my child is likely to be offered", "I can make realistic choices"),
            (
                "parent who has moved house",
                "to apply for a place during the school year",
                "my child is not out of school for long",
            ),
        ],
        "steps": [
            {
                "title": "Start and check the child can apply",
                "does": "Reads what they need before starting and confirms the child's year group and that they "
                "live in the area.",
                "components": ["start-using-a-service", "check-a-service-is-suitable", "radios", "button"],
                "guidance": "Say when the closing date is and what evidence may be needed before the user starts.",
            },
            {
                "title": "Child's details",
                "does": "Enters the child's name and date of birth.",
                "components": ["names", "dates", "date-input", "question-pages"],
            },
            {
                "title": "Home address",
                "does": "Finds the child's home address by postcode.",
                "components": ["addresses", "text-input", "details"],
                "guidance": "Explain that the address is checked and that a false address can lead to an offer "
                "being withdrawn.",
                "triggers": [("allocate-school-places", "check-address")],
            },
            {
                "title": "Rank your preferred schools",
                "does": "Chooses schools and puts them in order of preference, with reasons such as a sibling "
                "at the school.",
                "components": ["select", "radios", "textarea", "inset-text"],
                "guidance": "Let users add schools one at a time and change their order on the check answers page.",
            },
            {
                "title": "Upload evidence if asked",
                "does": "Attaches evidence of address or of special circumstances.",
                "components": ["file-upload", "error-message"],
            },
            {
                "title": "Check your answers and submit",
                "does": "Reviews the application and submits it.",
                "components": ["check-answers", "summary-list", "button"],
                "triggers": [("allocate-school-places", "submit-application")],
            },
            {
                "title": "Application received",
                "does": "Sees the reference number and the date offers will be sent.",
                "components": ["confirmation-pages", "panel"],
            },
        ],
        "variants": [
            (
                "In-year application",
                "The child needs a place now, outside the normal round.",
                "Skip the ranking of many schools; ask for the date the child can start and show the schools that "
                "currently have places.",
            ),
            (
                "Several children",
                "Twins or siblings applying in the same round.",
                "Copy the address and preferences from the first child and ask only what differs.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Do not rely on drag and drop to rank schools; offer move up and move down buttons that work with "
            "a keyboard.",
        ],
        "research": [
            (
                "usability-testing",
                date(2025, 11, 14),
                14,
                "Parents thought the first school listed was the one most likely to be offered. Moving the "
                "warning about ranking to the ranking page halved the number who asked.",
                3,
            ),
            (
                "analytics",
                date(2026, 2, 2),
                0,
                "Most drop-outs happened at evidence upload on phones; allowing photos of letters fixed most of them.",
                2,
            ),
        ],
        "processes": ["allocate-school-places"],
        "related": ["tell-us-you-are-moving-home"],
    },
    {
        "slug": "report-a-missed-bin-collection",
        "title": "Report a missed bin collection",
        "type": "tell",
        "summary": "Residents tell the council that a bin was not emptied on their collection day, and find out "
        "straight away whether the crew recorded a reason.",
        "services": [524],
        "life_events": [],
        "maturity": "stable",
        "version": "1.3.0",
        "review_by": date(2027, 4, 30),
        "owner": "E07000070",
        "history": [{"version": "1.0.0", "maturity": "beta"}],
        "when_to_use": [
            "Use this pattern for scheduled kerbside collections of rubbish, recycling, food or paid garden waste.",
        ],
        "when_not_to_use": [
            "Do not use it for bins that are damaged or missing (a request for a new container), or for "
            "communal bins at flats that a managing agent looks after.",
        ],
        "how_it_works": [
            "The resident finds their address and picks the bin that was missed. Before the report is taken, the "
            "service checks the crew's record: if the crew noted that the bin was not put out, or was contaminated, "
            "the resident is told so at once, instead of waiting for a reply.",
            "If the collection is still due today, the service says so and does not take a report.",
        ],
        "user_needs": [
            ("resident whose bin was not emptied", "to report it quickly", "it is emptied before it overflows"),
            (
                "resident",
                "to know if the crew has already said why it was missed",
                "I do not report something I cannot change",
            ),
        ],
        "steps": [
            {
                "title": "Find your address",
                "does": "Enters a postcode and chooses the address.",
                "components": ["addresses", "text-input", "select", "button"],
            },
            {
                "title": "Which bin was missed?",
                "does": "Chooses the bin from the ones collected at that address.",
                "components": ["radios", "question-pages"],
                "guidance": "Only show the bins that are collected at the address, with the colour and the day.",
            },
            {
                "title": "What the crew recorded",
                "does": "Reads the crew's note if there is one, and decides whether to continue.",
                "components": ["interruption-pages", "inset-text", "button"],
                "triggers": [("resolve-a-missed-collection", "check-round-record")],
            },
            {
                "title": "Contact details",
                "does": "Gives an email address or mobile number for an update.",
                "components": ["email-addresses", "phone-numbers", "radios"],
            },
            {
                "title": "Report sent",
                "does": "Sees the reference and when the crew will return.",
                "components": ["confirmation-pages", "panel"],
                "triggers": [("resolve-a-missed-collection", "report-missed-bin")],
            },
        ],
        "variants": [
            (
                "Assisted collection",
                "The resident has an assisted collection because nobody can move the bin.",
                "Always accept the report and send the crew back, whatever the crew's note says.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Name bins by what goes in them as well as by their colour, so the question does not depend on "
            "seeing colour.",
        ],
        "research": [
            (
                "analytics",
                date(2025, 9, 30),
                0,
                "A third of reports were for bins the crew had recorded as not put out; showing the note before the "
                "form cut these by more than half.",
                2,
            ),
            ("usability-testing", date(2025, 6, 12), 8, "People looked for their bin by colour, not by name.", 2),
        ],
        "processes": ["resolve-a-missed-collection"],
        "related": ["check-your-bin-day"],
    },
    {
        "slug": "check-your-bin-day",
        "title": "Check your bin day",
        "type": "check",
        "summary": "Residents find out which bins are collected at their address and on which days, including "
        "changes around bank holidays.",
        "services": [524, 533],
        "life_events": ["moving-home"],
        "maturity": "stable",
        "version": "1.1.0",
        "review_by": date(2027, 2, 28),
        "owner": "E09000007",
        "when_to_use": [
            "Use this pattern for any address-based lookup of scheduled collections.",
        ],
        "when_not_to_use": [
            "Do not use it to take a report or a request; link to those patterns from the result instead.",
        ],
        "how_it_works": [
            "The resident enters a postcode and chooses their address. The result lists each bin with its next "
            "collection date and links to add the dates to a calendar.",
            (
                "details",
                "Why not ask for the house number first?",
                "Many addresses have names, not numbers, and flats share numbers. Choosing from a list avoids "
                "mistakes.",
            ),
        ],
        "user_needs": [
            (
                "resident who has just moved in",
                "to know when each bin is collected",
                "I put the right bin out on the right day",
            ),
            ("resident", "to know about changes over holidays", "my bin is not left full for two weeks"),
        ],
        "steps": [
            {
                "title": "Enter your postcode",
                "does": "Types a postcode.",
                "components": ["text-input", "button", "error-message"],
            },
            {
                "title": "Choose your address",
                "does": "Picks the address from a list.",
                "components": ["addresses", "select"],
            },
            {
                "title": "Your collections",
                "does": "Reads the next collection date for each bin and any holiday changes.",
                "components": ["summary-list", "notification-banner", "table"],
                "guidance": "Lead with the next collection. Put holiday changes in a banner above the list.",
            },
            {
                "title": "What to do next",
                "does": "Follows a link to report a missed bin or order a new one.",
                "components": ["button", "details"],
                "triggers": [("resolve-a-missed-collection", "report-missed-bin")],
            },
        ],
        "variants": [
            (
                "Calendar subscription",
                "Residents want reminders.",
                "Offer a calendar file or feed for the address, and email reminders the evening before.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Write dates in full, such as Tuesday 3 March, rather than 03/03.",
        ],
        "research": [
            (
                "usability-testing",
                date(2025, 4, 8),
                10,
                "Residents wanted the next date for every bin on one screen, not a calendar grid.",
                2,
            ),
        ],
        "processes": ["resolve-a-missed-collection"],
        "related": ["report-a-missed-bin-collection", "request-a-bulky-waste-collection"],
    },
    {
        "slug": "book-a-household-waste-recycling-centre-slot",
        "title": "Book a household waste recycling centre slot",
        "type": "book",
        "summary": "Residents book a time to visit a recycling centre with their vehicle, and can change or cancel "
        "the booking.",
        "services": [531],
        "life_events": ["moving-home"],
        "maturity": "beta",
        "version": "0.4.0",
        "review_by": date(2027, 3, 31),
        "owner": "E10000016",
        "history": [{"version": "0.3.0"}],
        "when_to_use": [
            "Use this pattern when a site needs to spread visits across the day, for example after a rebuild or "
            "where queues block the road.",
        ],
        "when_not_to_use": [
            "Do not add a booking step to sites that rarely queue: it puts people off recycling.",
        ],
        "how_it_works": [
            "The resident chooses a site and a day, then a time, and gives their vehicle registration and email "
            "address. At the gate, the registration is matched to the booking.",
        ],
        "user_needs": [
            ("resident clearing out a garage", "to know I will get in when I arrive", "I do not waste a trip"),
            ("resident whose plans change", "to move my booking easily", "the slot is not wasted"),
        ],
        "steps": [
            {
                "title": "Choose a site",
                "does": "Picks a recycling centre.",
                "components": ["radios", "details"],
                "guidance": "Show what each site accepts; some do not take hardcore or tyres.",
            },
            {
                "title": "Choose a day and time",
                "does": "Picks a day, then one of the free times.",
                "components": ["radios", "question-pages"],
            },
            {
                "title": "Vehicle and postcode",
                "does": "Enters the vehicle registration and home postcode.",
                "components": ["text-input", "error-message"],
                "triggers": [("manage-recycling-centre-bookings", "book-slot")],
            },
            {
                "title": "Email address",
                "does": "Gives an email address for the confirmation.",
                "components": ["email-addresses"],
            },
            {
                "title": "Check and book",
                "does": "Checks the booking and confirms it.",
                "components": ["check-answers", "summary-list", "button"],
            },
            {
                "title": "Booking confirmed",
                "does": "Sees the booking and a link to change or cancel it.",
                "components": ["confirmation-pages", "panel"],
                "triggers": [("manage-recycling-centre-bookings", "confirm-booking")],
            },
        ],
        "variants": [
            (
                "Van or trailer permit",
                "The resident comes in a van or with a trailer.",
                "Ask for the permit number as well as the registration.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Do not use a calendar widget to choose the day: a list of the next fourteen days with radios is "
            "easier with a screen reader.",
        ],
        "research": [
            (
                "usability-testing",
                date(2026, 5, 20),
                9,
                "Most people knew the day they wanted; showing days first, then times, was quicker than a grid.",
                2,
            ),
        ],
        "processes": ["manage-recycling-centre-bookings"],
        "related": ["request-a-bulky-waste-collection"],
    },
    {
        "slug": "pay-a-parking-fine",
        "title": "Pay a parking fine",
        "type": "pay",
        "summary": "Motorists pay a penalty charge notice by card after seeing the evidence, with the discounted "
        "amount shown while it applies.",
        "services": [471],
        "life_events": ["owning-a-vehicle"],
        "maturity": "stable",
        "version": "1.2.0",
        "review_by": date(2027, 5, 31),
        "owner": "E09000012",
        "history": [{"version": "1.1.0"}],
        "when_to_use": [
            "Use this pattern for penalty charge notices issued by the council for parking and moving traffic "
            "contraventions.",
        ],
        "when_not_to_use": [
            "Do not use it for fines issued by the police or for private parking charges, which the council does "
            "not handle.",
        ],
        "how_it_works": [
            "The motorist enters the notice number and the vehicle registration. The service shows the "
            "contravention, the photographs and the amount due today, then takes payment.",
            "Show a link to challenge the notice on the same page as the amount, so that paying is not the only "
            "option offered.",
            ("warning", "Paying a penalty charge closes the case: the motorist cannot challenge it afterwards."),
        ],
        "user_needs": [
            (
                "motorist with a penalty charge notice",
                "to pay it quickly at the lower rate",
                "the charge does not go up",
            ),
            ("motorist", "to see the evidence before I pay", "I can decide whether to challenge it"),
        ],
        "steps": [
            {
                "title": "Find your penalty charge notice",
                "does": "Enters the notice number and vehicle registration.",
                "components": ["text-input", "button", "error-summary"],
                "guidance": "Show where the notice number is printed on the notice.",
            },
            {
                "title": "Your penalty charge notice",
                "does": "Reads the contravention and looks at the photographs.",
                "components": ["summary-list", "details", "warning-text"],
            },
            {
                "title": "Pay or challenge",
                "does": "Chooses whether to pay or to challenge.",
                "components": ["radios", "inset-text"],
                "triggers": [("process-a-penalty-charge-notice", "pay-or-challenge")],
            },
            {
                "title": "Pay by card",
                "does": "Pays the amount due.",
                "components": ["payment-card-details"],
            },
            {
                "title": "Payment received",
                "does": "Sees the payment reference.",
                "components": ["confirmation-pages", "panel"],
                "triggers": [("process-a-penalty-charge-notice", "close-notice")],
            },
        ],
        "variants": [
            (
                "Bus lane or moving traffic contravention",
                "The notice was issued from a camera.",
                "Show the video clip as well as still photographs.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Describe each photograph in text, such as the location and time, for people who cannot see it.",
        ],
        "research": [
            (
                "interviews",
                date(2025, 10, 3),
                11,
                "People wanted to see the photographs before they would pay; most paid once they had.",
                2,
            ),
            ("accessibility-audit", date(2026, 1, 20), 0, "No failures against WCAG 2.2 AA.", 1),
        ],
        "processes": ["process-a-penalty-charge-notice"],
        "related": [],
    },
    {
        "slug": "register-a-death",
        "title": "Register a death",
        "type": "register",
        "summary": "Relatives book an appointment to register a death and find out what to bring, with care "
        "taken over words and pace.",
        "services": [321],
        "life_events": ["bereavement"],
        "maturity": "beta",
        "version": "0.9.0",
        "review_by": date(2027, 2, 28),
        "owner": "E10000014",
        "when_to_use": [
            "Use this pattern for deaths in the council's area that the registration service registers.",
        ],
        "when_not_to_use": [
            "Do not use it for stillbirths, which need a separate, specialised service, or for deaths abroad.",
        ],
        "how_it_works": [
            "The informant confirms the death happened in the area and that they can register it, then books a "
            "time. The service explains what happens at the appointment and what to bring, and offers the Tell "
            "Us Once service.",
            ("inset", "Use plain, gentle words. Say 'the person who died', not 'the deceased'."),
        ],
        "user_needs": [
            (
                "relative of someone who has died",
                "to register the death without extra effort",
                "the funeral can be arranged",
            ),
            ("relative", "to know what to bring", "I only have to go once"),
        ],
        "steps": [
            {
                "title": "Before you start",
                "does": "Reads who can register a death and what is needed.",
                "components": ["start-using-a-service", "details", "inset-text"],
            },
            {
                "title": "Where did the death happen?",
                "does": "Confirms the place of death.",
                "components": ["radios", "check-a-service-is-suitable"],
                "guidance": "If the death happened elsewhere, explain how to register it there.",
            },
            {
                "title": "About the person who died",
                "does": "Enters their name and date of death.",
                "components": ["names", "dates", "date-input"],
            },
            {
                "title": "Choose an appointment",
                "does": "Picks a time at a register office.",
                "components": ["radios", "question-pages"],
                "triggers": [("register-a-death", "book-appointment")],
            },
            {
                "title": "Your details",
                "does": "Gives their name, relationship and contact details.",
                "components": ["names", "email-addresses", "phone-numbers"],
            },
            {
                "title": "Appointment booked",
                "does": "Sees the appointment, what to bring and what happens next.",
                "components": ["confirmation-pages", "panel", "summary-list"],
            },
        ],
        "variants": [
            (
                "Registration by declaration",
                "The informant cannot travel to the area where the death happened.",
                "Book an appointment at a local office, which sends the information to the right district.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Offer a phone number on every page: some people will not want to finish this online.",
        ],
        "research": [
            (
                "interviews",
                date(2025, 7, 1),
                7,
                "Bereaved relatives valued knowing exactly what to bring and how long the appointment takes.",
                2,
            ),
        ],
        "processes": ["register-a-death"],
        "related": [],
    },
    {
        "slug": "request-a-bulky-waste-collection",
        "title": "Request a bulky waste collection",
        "type": "request",
        "summary": "Residents list large items they want collected, see the price and a date, and pay.",
        "services": [528],
        "life_events": ["moving-home", "bereavement"],
        "maturity": "stable",
        "version": "1.0.2",
        "review_by": date(2027, 6, 30),
        "owner": "E06000023",
        "when_to_use": [
            "Use this pattern for paid collections of furniture, appliances and other large household items.",
        ],
        "when_not_to_use": [
            "Do not use it for trade waste or building rubble; point people to licensed carriers instead.",
        ],
        "how_it_works": [
            "The resident adds the items one at a time from a list, sees the price change as they go, chooses a "
            "date and pays. They are told where to leave the items and by when.",
        ],
        "user_needs": [
            ("resident replacing a sofa", "to get the old one taken away", "I do not have to hire a van"),
            ("resident", "to know the price before I commit", "there are no surprises"),
        ],
        "steps": [
            {
                "title": "What do you want collected?",
                "does": "Adds items and quantities from a list.",
                "components": ["select", "text-input", "table", "button"],
                "triggers": [("collect-bulky-waste", "list-items")],
            },
            {
                "title": "Where will the items be?",
                "does": "Gives the address and where the items will be left.",
                "components": ["addresses", "textarea"],
            },
            {
                "title": "Choose a collection date",
                "does": "Picks one of the available dates.",
                "components": ["radios"],
            },
            {
                "title": "Check and pay",
                "does": "Checks the items and price, then pays by card.",
                "components": ["check-answers", "summary-list", "payment-card-details"],
                "triggers": [("collect-bulky-waste", "take-payment")],
            },
            {
                "title": "Collection booked",
                "does": "Sees the booking, the date and what to do on the day.",
                "components": ["confirmation-pages", "panel", "warning-text"],
            },
        ],
        "variants": [
            (
                "Free collection for residents on benefits",
                "The council offers a concession.",
                "Ask whether the resident receives a qualifying benefit before showing the price.",
            ),
        ],
        "accessibility": [ACCESSIBILITY_BASICS],
        "research": [
            (
                "usability-testing",
                date(2025, 3, 4),
                6,
                "Showing a running total stopped people abandoning at the payment step.",
                2,
            ),
        ],
        "processes": ["collect-bulky-waste"],
        "related": ["book-a-household-waste-recycling-centre-slot"],
    },
    {
        "slug": "tell-us-you-are-moving-home",
        "title": "Tell us you are moving home",
        "type": "tell",
        "summary": "Residents tell the council once about a move, and council tax, the electoral register and "
        "household services are all updated.",
        "services": [370, 58, 364],
        "life_events": ["moving-home"],
        "maturity": "experimental",
        "version": "0.2.0",
        "review_by": date(2027, 1, 31),
        "owner": "E06000052",
        "history": [{"version": "0.1.0"}],
        "when_to_use": [
            "Use this pattern when a resident moves into, out of or within the council's area.",
        ],
        "when_not_to_use": [
            "Do not use it for a change of name or of who lives at the address without a move; those are "
            "separate changes of circumstances.",
        ],
        "how_it_works": [
            "The resident gives the old and new addresses and the moving date, says who is moving, and chooses "
            "which services to update. One notice goes to each team.",
            (
                "details",
                "Why is this experimental?",
                "Few councils can yet route one notice to all their systems; the pattern is being tested with two.",
            ),
        ],
        "user_needs": [
            ("resident moving house", "to tell the council once", "I do not have to fill in five forms"),
            ("resident moving out of the area", "to get a final council tax bill", "I do not pay for a home I left"),
        ],
        "steps": [
            {
                "title": "Where are you moving from and to?",
                "does": "Gives the old and new addresses.",
                "components": ["addresses", "radios"],
            },
            {
                "title": "When are you moving?",
                "does": "Gives the moving date.",
                "components": ["dates", "date-input"],
            },
            {
                "title": "Who is moving with you?",
                "does": "Lists the adults moving.",
                "components": ["names", "button"],
            },
            {
                "title": "What do you want to update?",
                "does": "Chooses the services to tell.",
                "components": ["checkboxes", "details"],
                "triggers": [("update-records-when-a-resident-moves", "tell-us")],
            },
            {
                "title": "Check your answers",
                "does": "Reviews the notice and sends it.",
                "components": ["check-answers", "summary-list"],
                "triggers": [("update-records-when-a-resident-moves", "route-notice")],
            },
            {
                "title": "We have told these services",
                "does": "Sees which services will be updated and when.",
                "components": ["confirmation-pages", "panel", "summary-list"],
            },
        ],
        "variants": [
            (
                "Moving out of the area",
                "The new address is outside the council.",
                "Ask for a forwarding address for the final bill and tell the resident to contact their new council.",
            ),
        ],
        "accessibility": [ACCESSIBILITY_BASICS],
        "research": [
            (
                "desk-research",
                date(2026, 3, 10),
                0,
                "Moves generate contact to four or more teams in most councils studied.",
                1,
            ),
        ],
        "processes": ["update-records-when-a-resident-moves"],
        "related": ["check-your-bin-day"],
    },
    {
        "slug": "apply-for-a-blue-badge",
        "title": "Apply for a Blue Badge",
        "type": "apply",
        "summary": "Disabled people, or someone on their behalf, apply for a Blue Badge and find out early whether "
        "they are likely to qualify without further assessment.",
        "services": [279],
        "life_events": ["becoming-disabled", "caring-for-someone"],
        "maturity": "stable",
        "version": "1.4.0",
        "review_by": date(2027, 7, 31),
        "owner": "E08000025",
        "when_to_use": [
            "Use this pattern for new applications and renewals where the council decides eligibility.",
        ],
        "when_not_to_use": [
            "Do not use it for replacing a lost or stolen badge, which needs only identity and a crime reference.",
        ],
        "how_it_works": [
            "The applicant says who the badge is for, then answers questions that route them: people who receive "
            "certain benefits qualify without further assessment; others describe how their condition affects "
            "them and may be assessed.",
        ],
        "user_needs": [
            (
                "person who finds walking difficult",
                "to park close to where I am going",
                "I can get to appointments and shops",
            ),
            ("carer applying for someone", "to apply on their behalf", "they get the badge without stress"),
        ],
        "steps": [
            {
                "title": "Who is the badge for?",
                "does": "Says whether they are applying for themselves or someone else.",
                "components": ["radios", "start-using-a-service"],
            },
            {
                "title": "Benefits that give automatic eligibility",
                "does": "Says which, if any, qualifying benefits the person receives.",
                "components": ["checkboxes", "details"],
                "triggers": [("assess-a-blue-badge-application", "check-automatic-eligibility")],
            },
            {
                "title": "How your condition affects you",
                "does": "Describes walking difficulty or a hidden disability.",
                "components": ["character-count", "radios"],
                "guidance": "Ask about everyday journeys, not medical terms.",
            },
            {
                "title": "Photo and proof of identity",
                "does": "Uploads a photo and proof of identity and address.",
                "components": ["file-upload", "error-message"],
            },
            {
                "title": "Check your answers and pay",
                "does": "Reviews the application and pays the fee if the council charges one.",
                "components": ["check-answers", "payment-card-details"],
                "triggers": [("assess-a-blue-badge-application", "submit-application")],
            },
            {
                "title": "Application sent",
                "does": "Sees the reference and how long a decision takes.",
                "components": ["confirmation-pages", "panel"],
            },
        ],
        "variants": [
            (
                "Organisation badge",
                "A care home or charity transports disabled people.",
                "Ask about the organisation and its vehicles instead of a person's condition.",
            ),
        ],
        "accessibility": [
            ACCESSIBILITY_BASICS,
            "Many users are disabled: test with people who use assistive technology at every round.",
        ],
        "research": [
            (
                "usability-testing",
                date(2025, 8, 19),
                16,
                "Carers applying for someone else were confused by 'you'; asking who the badge is for first and "
                "then using their name fixed it.",
                3,
            ),
        ],
        "processes": ["assess-a-blue-badge-application"],
        "related": [],
    },
    {
        "slug": "apply-for-a-council-tax-reduction",
        "title": "Apply for a council tax reduction",
        "type": "apply",
        "summary": "Residents on a low income apply for help with council tax, using data the council already "
        "holds so that they are asked as little as possible.",
        "services": [63],
        "life_events": ["losing-a-job"],
        "maturity": "beta",
        "version": "0.7.0",
        "review_by": date(2027, 3, 31),
        "owner": "E08000035",
        "when_to_use": [
            "Use this pattern for new claims under the council's local council tax reduction scheme.",
        ],
        "when_not_to_use": [
            "Do not use it for discounts that do not depend on income, such as the single person discount.",
        ],
        "how_it_works": [
            "The claimant gives their council tax account number, tells us who lives with them and about their "
            "income. Where they receive Universal Credit, the council uses the data it gets from the Department "
            "for Work and Pensions instead of asking for payslips.",
        ],
        "user_needs": [
            ("resident whose income has fallen", "to get help paying council tax", "I do not fall behind on my bills"),
            ("claimant", "to avoid sending evidence the council already has", "my claim is decided quickly"),
        ],
        "steps": [
            {
                "title": "Your council tax account",
                "does": "Enters the account number and address.",
                "components": ["text-input", "addresses", "details"],
            },
            {
                "title": "Who lives with you",
                "does": "Lists partners, children and other adults.",
                "components": ["task-list", "names", "dates"],
            },
            {
                "title": "Your income and savings",
                "does": "Answers questions about benefits, work and savings.",
                "components": ["radios", "text-input", "question-pages"],
                "triggers": [("assess-a-council-tax-reduction-claim", "match-dwp-data")],
            },
            {
                "title": "Evidence",
                "does": "Uploads anything the council still needs.",
                "components": ["file-upload"],
            },
            {
                "title": "Check your answers and declare",
                "does": "Reviews the claim and confirms it is true.",
                "components": ["check-answers", "checkboxes", "warning-text"],
                "triggers": [("assess-a-council-tax-reduction-claim", "submit-claim")],
            },
            {
                "title": "Claim sent",
                "does": "Sees the reference and what happens next.",
                "components": ["confirmation-pages", "panel"],
            },
        ],
        "variants": [
            (
                "Pension age claimant",
                "The claimant has reached state pension age.",
                "Use the national pension-age rules and ask about pension income instead of work.",
            ),
        ],
        "accessibility": [ACCESSIBILITY_BASICS, "Let people save and come back: gathering income details takes time."],
        "research": [
            (
                "usability-testing",
                date(2026, 4, 15),
                12,
                "A task list made a long form feel manageable and reduced partial claims.",
                2,
            ),
        ],
        "processes": ["assess-a-council-tax-reduction-claim"],
        "related": ["tell-us-you-are-moving-home"],
    },
    {
        "slug": "join-the-housing-register",
        "title": "Join the housing register",
        "type": "register",
        "summary": "Residents apply to join the housing register, find out early whether they are likely to "
        "qualify, and see their band once assessed.",
        "services": [92],
        "life_events": ["moving-home", "losing-a-job"],
        "maturity": "beta",
        "version": "0.5.0",
        "review_by": date(2027, 8, 31),
        "owner": "E09000030",
        "when_to_use": [
            "Use this pattern where the council keeps a register under its allocation scheme and lets people "
            "apply online.",
        ],
        "when_not_to_use": [
            "Do not use it for people who are homeless tonight: show emergency contact details first.",
            (
                "warning",
                "If someone is homeless or at risk of violence, they must be able to reach help without "
                "filling in a form.",
            ),
        ],
        "how_it_works": [
            "The applicant answers a few qualifying questions first. If they are likely to qualify, they go on to "
            "a task list covering the household, their current home, income and any medical needs.",
        ],
        "user_needs": [
            ("person in overcrowded housing", "to apply for a social home", "my family has enough space"),
            ("applicant", "to know my chances honestly", "I can plan other options"),
        ],
        "steps": [
            {
                "title": "Check if you can join",
                "does": "Answers questions on residence and local connection.",
                "components": ["check-a-service-is-suitable", "radios"],
                "triggers": [("assess-a-housing-register-application", "check-qualification")],
            },
            {
                "title": "Your application",
                "does": "Works through the sections of the application in any order.",
                "components": ["task-list", "tag"],
            },
            {
                "title": "Your household",
                "does": "Adds each person who will live with them.",
                "components": ["names", "dates", "date-input"],
            },
            {
                "title": "Medical needs",
                "does": "Tells us about health conditions affected by housing.",
                "components": ["textarea", "file-upload"],
                "triggers": [("assess-a-housing-register-application", "assess-priority")],
            },
            {
                "title": "Check and submit",
                "does": "Reviews and submits the application.",
                "components": ["check-answers", "summary-list"],
                "triggers": [("assess-a-housing-register-application", "apply")],
            },
            {
                "title": "Application received",
                "does": "Sees the reference and how long assessment takes.",
                "components": ["confirmation-pages", "panel"],
            },
        ],
        "variants": [
            (
                "Transfer applicant",
                "The applicant is already a council or housing association tenant.",
                "Pre-fill the current tenancy and ask for the reason to move.",
            ),
        ],
        "accessibility": [ACCESSIBILITY_BASICS],
        "research": [
            (
                "interviews",
                date(2026, 6, 2),
                9,
                "Applicants wanted honest waiting times per band more than anything else.",
                2,
            ),
        ],
        "processes": ["assess-a-housing-register-application"],
        "related": [],
    },
    {
        "slug": "pay-for-garden-waste-collection",
        "title": "Pay for garden waste collection",
        "type": "pay",
        "summary": "Residents subscribe to the garden waste collection for a year and pay by card, with the "
        "price and start date clear before they pay.",
        "services": [530],
        "life_events": [],
        "maturity": "stable",
        "version": "1.0.0",
        "review_by": date(2027, 1, 31),
        "owner": "E07000094",
        "when_to_use": [
            "Use this pattern for a chargeable, subscription-based garden waste collection.",
        ],
        "when_not_to_use": [
            "Do not use it where garden waste is collected free of charge; show the collection days instead.",
        ],
        "how_it_works": [
            "The resident finds their address, chooses how many bins, sees the price for the year and pays. "
            "The service tells them when collections will start and when the bin or sticker will arrive.",
        ],
        "user_needs": [
            ("gardener", "to have garden waste collected", "I do not have to drive it to the tip"),
        ],
        "steps": [
            {
                "title": "Find your address",
                "does": "Chooses the address.",
                "components": ["addresses", "select"],
            },
            {
                "title": "How many bins?",
                "does": "Chooses the number of bins.",
                "components": ["radios", "inset-text"],
            },
            {
                "title": "Pay",
                "does": "Pays for the year.",
                "components": ["check-answers", "payment-card-details"],
            },
            {
                "title": "Subscription confirmed",
                "does": "Sees the start date and reference.",
                "components": ["confirmation-pages", "panel"],
            },
        ],
        "variants": [
            (
                "Renewal",
                "An existing subscriber renews.",
                "Start from the reference in the renewal email and skip the address.",
            ),
        ],
        "accessibility": [ACCESSIBILITY_BASICS],
        "research": [
            (
                "analytics",
                date(2025, 2, 27),
                0,
                "Renewals completed in under two minutes when the reminder email linked straight to the payment.",
                1,
            ),
        ],
        "processes": [],
        "related": ["check-your-bin-day"],
    },
    {
        "slug": "book-a-citizenship-ceremony",
        "title": "Book a citizenship ceremony",
        "type": "book",
        "summary": "New citizens book their place at a citizenship ceremony after the Home Office has approved "
        "their application, and choose between a group or private ceremony.",
        "services": [852],
        "life_events": ["becoming-a-british-citizen"],
        "maturity": "experimental",
        "version": "0.1.0",
        "review_by": date(2027, 5, 31),
        "owner": "W06000015",
        "when_to_use": [
            "Use this pattern once the applicant has their invitation letter from the Home Office.",
        ],
        "when_not_to_use": [
            "Do not use it for applying for citizenship, which is a Home Office service.",
        ],
        "how_it_works": [
            "The applicant enters the reference from their invitation letter, chooses a group ceremony date or a "
            "private ceremony, says how many guests will come and, for a private ceremony, pays.",
        ],
        "user_needs": [
            ("person granted citizenship", "to book my ceremony soon", "I can get my certificate within 3 months"),
            ("new citizen", "to bring my family", "they can share the occasion"),
        ],
        "steps": [
            {
                "title": "Your invitation",
                "does": "Enters the Home Office reference and date of birth.",
                "components": ["text-input", "date-input"],
            },
            {
                "title": "Group or private ceremony",
                "does": "Chooses the kind of ceremony.",
                "components": ["radios", "details"],
            },
            {
                "title": "Choose a date",
                "does": "Picks one of the dates available.",
                "components": ["radios"],
            },
            {
                "title": "Guests",
                "does": "Says how many guests will attend.",
                "components": ["text-input"],
            },
            {
                "title": "Booking confirmed",
                "does": "Sees the date, venue and what to bring.",
                "components": ["confirmation-pages", "panel", "warning-text"],
            },
        ],
        "variants": [
            (
                "Ceremony in Welsh",
                "The applicant would like the ceremony in Welsh.",
                "Offer the Welsh-language dates and send confirmation in Welsh.",
            ),
        ],
        "accessibility": [ACCESSIBILITY_BASICS, "Say how to ask for step-free access or a hearing loop at the venue."],
        "research": [
            (
                "desk-research",
                date(2026, 9, 1),
                0,
                "A first look at how councils take ceremony bookings today; not yet tested with users.",
                0,
            ),
        ],
        "processes": [],
        "related": [],
    },
]

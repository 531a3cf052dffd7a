"""The demo patterns' screens, one list per step, written by the project in its own words.

``SCREENS[pattern slug][step index]`` is the list of raw ScreenBlock values for that step. The builders
(``pattern_pages.screens.authoring``) keep each screen to a line or two.
"""

from ..screens.authoring import (  # noqa: F401  (the builders are also this module's API)
    address,
    back,
    banner,
    button,
    check_answers,
    checkboxes,
    count,
    date,
    details,
    errors,
    heading,
    inset,
    page,
    panel,
    para,
    radios,
    reveal,
    select,
    summary,
    table,
    tag,
    tasks,
    text,
    textarea,
    upload,
    warning,
    yes_no,
)

SCREENS = {
    "apply-for-a-school-place": [
        [
            page(
                "Apply for a school place",
                heading("Apply for a school place", "1"),
                para("Use this service to apply for a place at a primary, junior or secondary school in the area."),
                para("Applications for places starting next September close on 15 January."),
                warning("You must apply by the closing date or your child is less likely to get a place you want."),
                button("Start now", href="/school-place/year-group", start=True),
            ),
            page(
                "Which year group is your child applying for?",
                radios(
                    "year-group",
                    "Which year group is your child applying for?",
                    [
                        ("reception", "Reception", "Children born between 1 September 2021 and 31 August 2022"),
                        ("year-3", "Year 3 (junior school)"),
                        ("year-7", "Year 7 (secondary school)"),
                        "or",
                        ("in-year", "Another year group, during the school year"),
                    ],
                ),
            ),
        ],
        [
            page(
                "What is your child's name?",
                heading("What is your child's name?", "1"),
                text("child-first-name", "First name", heading=False, autocomplete="off", spellcheck="off"),
                text("child-last-name", "Last name", heading=False, autocomplete="off", spellcheck="off"),
            ),
            page("What is your child's date of birth?", date("child-dob", "What is your child's date of birth?")),
        ],
        [
            page(
                "What is your child's home address?",
                address("home", "What is your child's home address?"),
                details(
                    "If your child lives at two addresses",
                    "Give the address where your child spends most of the school week. We may ask for evidence.",
                ),
            )
        ],
        [
            page(
                "Which school is your first preference?",
                select(
                    "first-preference",
                    "Which school is your first preference?",
                    [
                        ("", "Choose a school"),
                        ("oakfield", "Oakfield Primary School"),
                        ("st-marys", "St Mary's Church of England Primary School"),
                        ("riverside", "Riverside Community Primary School"),
                    ],
                    hint="You can name up to 3 schools, in order of preference.",
                ),
                inset("Ranking a school first does not make your child more likely to be offered it."),
            ),
            page(
                "Does your child have a reason for priority at this school?",
                radios(
                    "priority-reason",
                    "Does your child have a reason for priority at this school?",
                    [
                        (
                            "sibling",
                            "A brother or sister already goes there",
                            {"name": "sibling-name", "label": "Their full name", "type": "text"},
                        ),
                        ("medical", "A medical or social reason"),
                        ("none", "No reason for priority"),
                    ],
                ),
                textarea("priority-detail", "Tell us more (optional)", heading=False),
            ),
        ],
        [
            page(
                "Upload proof of address",
                upload(
                    "proof-of-address",
                    "Upload proof of address",
                    hint="A council tax bill or tenancy agreement from the last 3 months. JPG, PNG or PDF, up to 10MB.",
                ),
            )
        ],
        [
            check_answers(
                "Check your answers before sending your application",
                ("Year group", "Reception", "/school-place/year-group"),
                ("Child's name", "Sam Okafor", "/school-place/name"),
                ("Date of birth", "14 March 2022", "/school-place/date-of-birth"),
                ("First preference", "Oakfield Primary School", "/school-place/preferences"),
            )
        ],
        [
            page(
                "Application complete",
                panel("Application complete", "Your reference number is SCH-4821-KD"),
                heading("What happens next"),
                para("We have sent a confirmation email. Offers are sent on 16 April by email."),
            )
        ],
    ],
    "report-a-missed-bin-collection": [
        [
            page(
                "What is your postcode?",
                text("postcode", "What is your postcode?", width="govuk-input--width-10", autocomplete="postal-code"),
            ),
            page(
                "Choose your address",
                select(
                    "address",
                    "Choose your address",
                    [
                        ("", "3 addresses found"),
                        ("1", "1 Mill Lane, Ashford"),
                        ("3", "3 Mill Lane, Ashford"),
                        ("5", "5 Mill Lane, Ashford"),
                    ],
                ),
            ),
        ],
        [
            page(
                "Which bin was not collected?",
                radios(
                    "bin",
                    "Which bin was not collected?",
                    [
                        ("general", "General waste (black bin)"),
                        ("recycling", "Recycling (blue bin)"),
                        ("garden", "Garden waste (green bin)", "Only if you pay for garden waste collections"),
                    ],
                ),
            )
        ],
        [
            page(
                "The crew left a note",
                heading("The crew left a note about this collection", "1"),
                inset("Bin not out at the time of collection (7:10am on Tuesday 3 March)."),
                para("We only return for bins the crew could not empty through our own fault."),
                button("Report it anyway"),
                button("Cancel", style="govuk-button--secondary"),
            )
        ],
        [
            page(
                "How should we tell you when it is collected?",
                radios(
                    "contact",
                    "How should we tell you when it is collected?",
                    [
                        ("email", "Email", reveal("contact-email", "Email address", "email", "email")),
                        ("text", "Text message", reveal("contact-phone", "Mobile number", "tel", "tel")),
                        "or",
                        ("none", "Do not contact me"),
                    ],
                ),
            )
        ],
        [
            page(
                "Report sent",
                panel("Report sent", "Your reference is MB-20931"),
                para("The crew will return by the end of the next working day."),
            )
        ],
    ],
    "check-your-bin-day": [
        [
            page(
                "What is your postcode?",
                errors(("Enter a real postcode", "#postcode")),
                text(
                    "postcode",
                    "What is your postcode?",
                    width="govuk-input--width-10",
                    autocomplete="postal-code",
                    errorMessage="Enter a real postcode",
                ),
                button("Find collections"),
            )
        ],
        [
            page(
                "Choose your address",
                select(
                    "address",
                    "Choose your address",
                    [("", "2 addresses found"), ("12", "12 Station Road"), ("14", "14 Station Road")],
                ),
            )
        ],
        [
            page(
                "Your bin collections",
                banner("Collections are one day later in the week after a bank holiday.", "Important"),
                heading("Your bin collections", "1"),
                summary(("General waste", "Tuesday 10 March", ""), ("Recycling", "Tuesday 17 March", "")),
                table(
                    "Bank holiday changes",
                    ["Usual day", "New day"],
                    [("Friday 3 April", "Saturday 4 April"), ("Monday 6 April", "Tuesday 7 April")],
                ),
                continue_button="",
            )
        ],
        [
            page(
                "What do you need to do?",
                heading("What do you need to do?", "1"),
                button("Report a missed bin", href="/report-a-missed-bin"),
                details("Order a new or replacement bin", "Bins that are lost or broken are replaced free of charge."),
            )
        ],
    ],
    "book-a-household-waste-recycling-centre-slot": [
        [
            page(
                "Which recycling centre do you want to visit?",
                radios(
                    "site",
                    "Which recycling centre do you want to visit?",
                    [("north", "Northgate", "Open every day, 8am to 6pm"), ("east", "Eastbrook", "Closed Tuesdays")],
                ),
                details("What you can take", "Household rubbish, garden waste, wood, metal and electrical items."),
            )
        ],
        [
            page(
                "Which day do you want to visit?",
                radios(
                    "day",
                    "Which day do you want to visit?",
                    [("sat", "Saturday 14 March"), ("sun", "Sunday 15 March"), ("mon", "Monday 16 March")],
                ),
            ),
            page(
                "Choose a time",
                radios(
                    "time",
                    "Choose a time",
                    [("0900", "9am"), ("1000", "10am"), ("1100", "11am")],
                    hint="Slots last 30 minutes.",
                ),
            ),
        ],
        [
            page(
                "Your vehicle",
                heading("Your vehicle", "1"),
                text(
                    "registration",
                    "Vehicle registration number",
                    hint="For example, CU57 ABC",
                    heading=False,
                    width="govuk-input--width-10",
                    spellcheck="off",
                ),
                text(
                    "home-postcode",
                    "Home postcode",
                    heading=False,
                    width="govuk-input--width-10",
                    autocomplete="postal-code",
                ),
            )
        ],
        [
            page(
                "What is your email address?",
                text(
                    "email",
                    "What is your email address?",
                    hint="We will send your booking confirmation here.",
                    kind="email",
                    autocomplete="email",
                    spellcheck="off",
                ),
            )
        ],
        [
            check_answers(
                "Check your booking",
                ("Site", "Northgate", "/book/site"),
                ("Date and time", "Saturday 14 March, 9am", "/book/time"),
                ("Vehicle", "CU57 ABC", "/book/vehicle"),
                send="Book slot",
            )
        ],
        [
            page(
                "Booking confirmed",
                panel("Booking confirmed", "Saturday 14 March at 9am, Northgate"),
                para("Show your booking reference RC-7781 at the gate."),
            )
        ],
    ],
    "pay-a-parking-fine": [
        [
            page(
                "Find your penalty charge notice",
                heading("Find your penalty charge notice", "1"),
                text(
                    "pcn",
                    "Penalty charge notice number",
                    hint="10 characters, for example, AB12345678",
                    heading=False,
                    width="govuk-input--width-10",
                    spellcheck="off",
                ),
                text(
                    "vrm", "Vehicle registration number", heading=False, width="govuk-input--width-10", spellcheck="off"
                ),
                button("Find notice"),
            )
        ],
        [
            page(
                "Your penalty charge notice",
                heading("Penalty charge notice AB12345678", "1"),
                summary(
                    ("Contravention", "Parked in a restricted street during prescribed hours", ""),
                    ("Location", "High Street, outside number 24", ""),
                    ("Amount due", "£35 if paid by 21 March", ""),
                ),
                warning("The amount goes up to £70 if you do not pay or challenge within 14 days."),
                details("See the photographs", "The civil enforcement officer took 4 photographs of the vehicle."),
            )
        ],
        [
            page(
                "What do you want to do?",
                radios(
                    "choice",
                    "What do you want to do?",
                    [("pay", "Pay the penalty charge"), ("challenge", "Challenge it")],
                ),
                inset("If you challenge within 14 days and we reject it, you can still pay the reduced amount."),
            )
        ],
        [
            page(
                "Enter your card details",
                heading("Enter your card details", "1"),
                text(
                    "card-number",
                    "Card number",
                    heading=False,
                    autocomplete="cc-number",
                    inputmode="numeric",
                    width="govuk-input--width-20",
                ),
                text("card-name", "Name on card", heading=False, autocomplete="cc-name"),
                text(
                    "card-code",
                    "Card security code",
                    hint="The last 3 digits on the back of the card",
                    heading=False,
                    autocomplete="cc-csc",
                    inputmode="numeric",
                    width="govuk-input--width-4",
                ),
                button("Pay £35"),
            )
        ],
        [page("Payment received", panel("Payment received", "Your payment reference is PAY-55120"))],
    ],
    "register-a-death": [
        [
            page(
                "Register a death",
                heading("Register a death", "1"),
                para("You should register a death within 5 days. Book an appointment at a register office."),
                details(
                    "Who can register a death",
                    "A relative, someone present at the death, or the person arranging the funeral.",
                ),
                inset("Bring the medical certificate of cause of death if the doctor gave it to you."),
                button("Start now", href="/register-a-death/where", start=True),
            )
        ],
        [
            page(
                "Where did the death happen?",
                radios(
                    "place",
                    "Where did the death happen?",
                    [
                        ("here", "In this council's area"),
                        ("elsewhere", "Somewhere else in England or Wales"),
                        ("abroad", "Outside the UK"),
                    ],
                ),
            )
        ],
        [
            page(
                "What was the full name of the person who died?",
                text("deceased-name", "What was the full name of the person who died?", spellcheck="off"),
            ),
            page("When did they die?", date("date-of-death", "When did they die?")),
        ],
        [
            page(
                "Choose an appointment",
                radios(
                    "appointment",
                    "Choose an appointment",
                    [
                        ("a", "Monday 9 March, 10am, Town Hall"),
                        ("b", "Monday 9 March, 2pm, Town Hall"),
                        ("c", "Tuesday 10 March, 11am, Civic Centre"),
                    ],
                ),
            )
        ],
        [
            page(
                "Your details",
                heading("Your details", "1"),
                text("your-name", "Full name", heading=False, autocomplete="name", spellcheck="off"),
                select(
                    "relationship",
                    "Relationship to the person who died",
                    [
                        ("", "Choose"),
                        ("spouse", "Husband, wife or civil partner"),
                        ("child", "Son or daughter"),
                        ("other-relative", "Another relative"),
                        ("other", "Someone else"),
                    ],
                    heading=False,
                ),
                text(
                    "your-phone",
                    "Phone number",
                    heading=False,
                    kind="tel",
                    autocomplete="tel",
                    width="govuk-input--width-20",
                ),
            )
        ],
        [
            page(
                "Appointment booked",
                panel("Appointment booked", "Monday 9 March at 10am, Town Hall"),
                summary(("Bring", "Medical certificate of cause of death", ""), ("Reference", "RD-3310", "")),
            )
        ],
    ],
    "request-a-bulky-waste-collection": [
        [
            page(
                "What do you want us to collect?",
                select(
                    "item",
                    "What do you want us to collect?",
                    [
                        ("", "Choose an item"),
                        ("sofa", "Sofa"),
                        ("fridge", "Fridge or freezer"),
                        ("mattress", "Mattress"),
                    ],
                ),
                text("quantity", "How many?", heading=False, inputmode="numeric", width="govuk-input--width-2"),
                table("Items so far", ["Item", "Quantity", "Price"], [("Sofa", "1", "£25"), ("Mattress", "2", "£20")]),
                button("Add item", style="govuk-button--secondary"),
                button("Continue"),
            )
        ],
        [
            page("Where should we collect from?", address("collection", "Where should we collect from?")),
            page(
                "Where will you leave the items?",
                textarea(
                    "where-left",
                    "Where will you leave the items?",
                    hint="For example, at the front of the house, next to the gate.",
                ),
            ),
        ],
        [
            page(
                "Choose a collection date",
                radios(
                    "collection-date",
                    "Choose a collection date",
                    [("0312", "Thursday 12 March"), ("0319", "Thursday 19 March")],
                ),
            )
        ],
        [
            check_answers(
                "Check your answers and pay",
                ("Items", "1 sofa, 2 mattresses", "/bulky/items"),
                ("Collection date", "Thursday 12 March", "/bulky/date"),
                ("Total", "£45", ""),
                send="Continue to payment",
            )
        ],
        [
            page(
                "Collection booked",
                panel("Collection booked", "Thursday 12 March"),
                warning("Put the items out by 7am. We cannot take items left inside a building."),
            )
        ],
    ],
    "tell-us-you-are-moving-home": [
        [
            page("What is your new address?", address("new", "What is your new address?")),
            page(
                "Are you moving within the council's area?",
                yes_no("within-area", "Are you moving within the council's area?"),
            ),
        ],
        [page("When are you moving?", date("move-date", "When are you moving?", hint="For example, 1 4 2026"))],
        [
            page(
                "Who is moving with you?",
                text(
                    "adult-1",
                    "Full name of another adult moving with you",
                    hint="Leave empty if you are moving alone",
                    spellcheck="off",
                ),
                button("Add another adult", style="govuk-button--secondary"),
                button("Continue"),
            )
        ],
        [
            page(
                "Which services should we tell?",
                checkboxes(
                    "services",
                    "Which services should we tell?",
                    [
                        ("council-tax", "Council Tax"),
                        ("electoral-register", "Electoral register"),
                        ("bins", "Bin collections"),
                        ("parking", "Parking permits"),
                    ],
                ),
                details("Services we cannot update", "Tell schools, GPs and the DVLA yourself."),
            )
        ],
        [
            check_answers(
                "Check your answers",
                ("New address", "7 Orchard Way, Ashford, TN23 1AB", "/moving/address"),
                ("Moving date", "1 April 2026", "/moving/date"),
                ("Services", "Council Tax, Bin collections", "/moving/services"),
            )
        ],
        [
            page(
                "We have told these services",
                panel("We have told these services"),
                summary(
                    ("Council Tax", "Updated from 1 April 2026", ""),
                    ("Bin collections", "From the next collection", ""),
                ),
            )
        ],
    ],
    "apply-for-a-blue-badge": [
        [
            page(
                "Who is the badge for?",
                radios("who-for", "Who is the badge for?", [("me", "Me"), ("someone-else", "Someone else")]),
            )
        ],
        [
            page(
                "Do you get any of these benefits?",
                checkboxes(
                    "benefits",
                    "Do you get any of these benefits?",
                    [
                        ("pip", "Personal Independence Payment (PIP)"),
                        ("dla", "Disability Living Allowance (DLA)"),
                        ("war-pension", "War Pensioners' Mobility Supplement"),
                    ],
                    none="No, I do not get any of these",
                ),
                details("Why we ask", "Some benefits mean you can get a badge without a further assessment."),
            )
        ],
        [
            page(
                "How far can you walk?",
                radios(
                    "walking",
                    "How far can you walk without stopping?",
                    [
                        ("none", "I cannot walk"),
                        ("under-50", "Less than 50 metres"),
                        ("50-to-100", "50 to 100 metres"),
                        ("over-100", "More than 100 metres"),
                    ],
                ),
            ),
            page(
                "Describe how your condition affects you",
                count(
                    "condition",
                    "Describe how your condition affects you",
                    hint="Include any pain, breathlessness or risk to your safety when walking.",
                    maxwords=250,
                ),
            ),
        ],
        [
            page(
                "Upload a photo of the badge holder",
                upload(
                    "photo",
                    "Upload a photo of the badge holder",
                    hint="A recent photo of the face, like a passport photo.",
                ),
            ),
            page(
                "Upload proof of identity",
                upload(
                    "identity", "Upload proof of identity", hint="A passport, driving licence or birth certificate."
                ),
            ),
        ],
        [
            check_answers(
                "Check your answers and pay",
                ("Badge for", "Me", "/blue-badge/who"),
                ("Benefits", "Personal Independence Payment (PIP)", "/blue-badge/benefits"),
                ("Fee", "£10", ""),
                send="Continue to payment",
            )
        ],
        [
            page(
                "Application sent",
                panel("Application sent", "Your reference is BB-88214"),
                para("We usually decide within 12 weeks."),
            )
        ],
    ],
    "apply-for-a-council-tax-reduction": [
        [
            page(
                "What is your council tax account number?",
                text(
                    "account",
                    "What is your council tax account number?",
                    hint="It is 8 digits, on your bill",
                    inputmode="numeric",
                    width="govuk-input--width-10",
                ),
                details(
                    "If you cannot find your account number", "Call us on 01234 567 890, Monday to Friday, 9am to 5pm."
                ),
            )
        ],
        [
            page(
                "Who lives with you",
                heading("Who lives with you", "1"),
                tasks(
                    ("Partner", "Completed", "#partner"),
                    ("Children", "Incomplete", "#children"),
                    ("Other adults", "Cannot start yet", ""),
                ),
            ),
            page("What is your partner's date of birth?", date("partner-dob", "What is your partner's date of birth?")),
        ],
        [
            page(
                "Do you or your partner get Universal Credit?",
                yes_no("universal-credit", "Do you or your partner get Universal Credit?"),
            ),
            page(
                "How much do you have in savings?",
                text(
                    "savings",
                    "How much do you and your partner have in savings?",
                    prefix="£",
                    inputmode="decimal",
                    width="govuk-input--width-10",
                    hint="Include bank accounts, ISAs and shares.",
                ),
            ),
        ],
        [
            page(
                "Upload your evidence",
                upload("evidence", "Upload your evidence", hint="Your last 2 payslips or bank statements."),
            )
        ],
        [
            page(
                "Check your answers",
                heading("Check your answers", "1"),
                summary(("Account number", "40081123", "/ctr/account"), ("Universal Credit", "Yes", "/ctr/benefits")),
                warning("You could be prosecuted if you give false information."),
                checkboxes(
                    "declaration",
                    "Declaration",
                    [("agree", "I confirm the information I have given is correct")],
                    hint="",
                    heading=False,
                ),
                button("Send claim"),
            )
        ],
        [
            page(
                "Claim sent",
                panel("Claim sent", "Your reference is CTR-10447"),
                para("We will write to you within 14 days."),
            )
        ],
    ],
    "join-the-housing-register": [
        [
            page(
                "Have you lived in the area for the last 2 years?",
                yes_no(
                    "residence",
                    "Have you lived in the area for the last 2 years?",
                    hint="Include time in temporary accommodation we placed you in.",
                ),
            ),
            page(
                "Do you have a local connection?",
                radios(
                    "connection",
                    "Do you have a local connection?",
                    [
                        ("work", "I work in the area"),
                        ("family", "Close family live in the area"),
                        "or",
                        ("none", "No local connection"),
                    ],
                ),
            ),
        ],
        [
            page(
                "Your application",
                heading("Your housing application", "1"),
                tasks(
                    ("Your details", "Completed", "#details"),
                    ("Your household", "Incomplete", "#household"),
                    ("Medical needs", "Not started", "#medical"),
                    ("Check and submit", "Cannot start yet", ""),
                ),
                tag("Draft", "govuk-tag--grey"),
                continue_button="",
            )
        ],
        [
            page("What is their full name?", text("member-name", "What is their full name?", spellcheck="off")),
            page("What is their date of birth?", date("member-dob", "What is their date of birth?")),
        ],
        [
            page(
                "Tell us about any medical conditions",
                textarea(
                    "medical",
                    "Tell us about any medical conditions made worse by your home",
                    hint="For example, stairs you cannot manage or damp affecting breathing.",
                ),
                upload("medical-evidence", "Upload a letter from a doctor (optional)", heading=False),
            )
        ],
        [
            check_answers(
                "Check your answers before submitting",
                ("Lived in area 2 years", "Yes", "/housing/residence"),
                ("Household", "2 adults, 1 child", "/housing/household"),
                send="Submit application",
            )
        ],
        [
            page(
                "Application received",
                panel("Application received", "Your reference is HR-55019"),
                para("We usually assess applications within 8 weeks."),
            )
        ],
    ],
    "pay-for-garden-waste-collection": [
        [
            page(
                "Choose your address",
                select(
                    "address",
                    "Choose your address",
                    [
                        ("", "4 addresses found"),
                        ("2", "2 Elm Close"),
                        ("4", "4 Elm Close"),
                        ("6", "6 Elm Close"),
                        ("8", "8 Elm Close"),
                    ],
                ),
            )
        ],
        [
            page(
                "How many garden waste bins do you want?",
                radios(
                    "bins",
                    "How many garden waste bins do you want?",
                    [("1", "1 bin, £52 a year"), ("2", "2 bins, £104 a year"), ("3", "3 bins, £156 a year")],
                ),
                inset("Collections run every 2 weeks from March to November."),
            )
        ],
        [
            page(
                "Check and pay",
                heading("Check and pay", "1"),
                summary(
                    ("Address", "4 Elm Close", "/garden/address"), ("Bins", "1", "/garden/bins"), ("Cost", "£52", "")
                ),
                button("Continue to payment"),
            )
        ],
        [
            page(
                "Subscription confirmed",
                panel("Subscription confirmed", "Collections start on Monday 2 March"),
                para("Your reference is GW-90120."),
            )
        ],
    ],
    "book-a-citizenship-ceremony": [
        [
            page(
                "Your invitation",
                heading("Your invitation", "1"),
                text(
                    "ho-reference",
                    "Home Office reference",
                    hint="On the invitation letter, for example, B1234567",
                    heading=False,
                    width="govuk-input--width-10",
                    spellcheck="off",
                ),
                date("applicant-dob", "Date of birth", heading=False),
            )
        ],
        [
            page(
                "What kind of ceremony do you want?",
                radios(
                    "ceremony",
                    "What kind of ceremony do you want?",
                    [
                        ("group", "Group ceremony", "Free, with up to 2 guests"),
                        ("private", "Private ceremony", "£150, with up to 10 guests"),
                    ],
                ),
                details(
                    "What happens at a ceremony",
                    "You make an oath or affirmation and a pledge, then receive your certificate.",
                ),
            )
        ],
        [
            page(
                "Choose a date",
                radios(
                    "ceremony-date",
                    "Choose a date",
                    [("0402", "Thursday 2 April, 11am"), ("0416", "Thursday 16 April, 11am")],
                ),
            )
        ],
        [
            page(
                "How many guests will come?",
                text(
                    "guests",
                    "How many guests will come?",
                    hint="Up to 2 for a group ceremony",
                    inputmode="numeric",
                    width="govuk-input--width-2",
                ),
            )
        ],
        [
            page(
                "Ceremony booked",
                panel("Ceremony booked", "Thursday 2 April at 11am, Town Hall"),
                warning("Bring your invitation letter and passport, or you cannot take part."),
            )
        ],
    ],
}

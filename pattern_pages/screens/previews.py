"""Sample values for Wagtail's block previews of the screen components (built with the demo's helpers)."""

from . import authoring as demo

SAMPLES = {
    "text_input": demo.text("full-name", "What is your full name?", autocomplete="name"),
    "textarea": demo.textarea("more-detail", "Can you give more detail?", hint="Do not include personal details."),
    "character_count": demo.count("reason", "Why are you applying?", maxwords=150),
    "password_input": {"type": "password_input", "value": {"name": "password", "label": {"text": "Password"}}},
    "radios": demo.radios(
        "contact",
        "How should we contact you?",
        [("email", "Email", demo.reveal("contact-email", "Email address", "email")), "or", ("post", "By post")],
    ),
    "checkboxes": demo.checkboxes(
        "waste", "Which bins were missed?", [("black", "General waste"), ("blue", "Recycling")]
    ),
    "date_input": demo.date("date-of-birth", "What is your date of birth?"),
    "select": demo.select("sort", "Sort by", [("new", "Newest first"), ("old", "Oldest first")]),
    "file_upload": demo.upload("evidence", "Upload a file"),
    "fieldset": demo.address("home", "What is your address?"),
    "button": demo.button("Start now", href="/start", start=True),
    "inset_text": demo.inset("It can take up to 8 weeks to register."),
    "warning_text": demo.warning("You can be fined up to £5,000 if you do not register."),
    "details": demo.details(
        "Help with nationality", "We need to know your nationality to check what you can apply for."
    ),
    "notification_banner": demo.banner("You have 7 days left to send your application."),
    "panel": demo.panel("Application complete", "Your reference number is HDJ2123F"),
    "summary_list": demo.summary(("Name", "Sarah Philips", "/name"), ("Date of birth", "5 January 1978", "/dob")),
    "table": demo.table("Fees", ["Bins", "Cost"], [("1", "£52"), ("2", "£104")]),
    "task_list": demo.tasks(("Your details", "Completed", "#"), ("Your household", "Incomplete", "#")),
    "tag": demo.tag("Completed", "govuk-tag--green"),
    "error_summary": demo.errors(("Enter your full name", "#full-name")),
    "back_link": demo.back(),
}


def sample(block_type):
    return SAMPLES[block_type]["value"]


SCREEN_SAMPLE = demo.page("How should we contact you?", SAMPLES["radios"])

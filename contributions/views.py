"""The public contribute form: one thing per page, answers kept in the session, check answers, then an email
to confirm before anything reaches the editors."""

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from library.site_url import absolute
from pattern_pages.models import ProcessPage, ServicePatternPage
from pattern_pages.text import plain_text

from . import forms, ratelimit
from .emails import send_confirmation
from .models import ConfirmationToken, Contribution, ContributionStatus, WouldShare, email_matches_council

SESSION_KEY = "contribute"


class Step:
    def __init__(self, slug, form_class, title):
        self.slug, self.form_class, self.title = slug, form_class, title

    @property
    def url(self):
        return reverse("contributions:step", args=[self.slug])


STEPS = [
    Step("council", forms.CouncilForm, _("Which council do you work for?")),
    Step("your-details", forms.DetailsForm, _("Your details")),
    Step("service", forms.ServiceForm, _("Which service is it?")),
    Step("steps", forms.StepsForm, _("What steps does the resident go through?")),
    Step("life-events", forms.LifeEventsForm, _("Which life events does the service relate to?")),
    Step("systems", forms.SystemsForm, _("Systems and the live service")),
    Step("share", forms.ShareForm, _("Sharing your process")),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def draft(request):
    """The answers so far: {"answers": {step slug: data}, "page": page id, "bot": bool}."""
    return request.session.setdefault(SESSION_KEY, {"answers": {}})


def save_draft(request, data):
    request.session[SESSION_KEY] = data
    request.session.modified = True


def about_page(data):
    page_id = data.get("page")
    if not page_id:
        return None
    return Page.objects.live().public().filter(pk=page_id).specific().first()


def bound_form(step, stored):
    """``step``'s form bound to the answers stored in the session (to re-check them before submitting)."""
    if step.form_class is forms.StepsForm:
        data, count = forms.StepsForm.data_from_session(stored)
        return forms.StepsForm(data, step_count=count)
    return step.form_class(stored)


def start(request):
    data = draft(request)
    page_id = request.GET.get("page", "")
    if page_id.isascii() and page_id.isdigit():
        page = Page.objects.live().public().filter(pk=int(page_id)).specific().first()
        if isinstance(page, ServicePatternPage | ProcessPage):
            data["page"] = page.pk
            service = page.services.order_by("name").first()
            if service and "service" not in data["answers"]:
                data["answers"]["service"] = {"service": str(service.pk), "service_name": ""}
            save_draft(request, data)
    return render(
        request,
        "contributions/start.html",
        {"first_step": STEPS[0], "about_page": about_page(data), "page_title": _("Tell us about your service")},
    )


@require_http_methods(["GET", "POST"])
def step(request, slug):
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    data = draft(request)
    answers = data["answers"]
    index = STEPS.index(current)
    changing = request.GET.get("change") == "1"
    stored = answers.get(slug, {})
    form_kwargs = {}
    if current.form_class is forms.ServiceForm and request.method == "GET":
        form_kwargs["search"] = request.GET.get("q", "")
    if current.form_class is forms.StepsForm:
        initial, count = forms.StepsForm.data_from_session(stored)
        form_kwargs["step_count"] = max(count, data.get("step_fields", 1))
    else:
        initial = stored

    if request.method == "POST":
        if request.POST.get(forms.HONEYPOT_FIELD):
            data["bot"] = True
        action = request.POST.get("action", "continue")
        if current.form_class is forms.StepsForm:
            form_kwargs["step_count"] = sum(1 for key in request.POST if key.startswith("step_"))
        form = current.form_class(request.POST, **form_kwargs)
        if current.form_class is forms.StepsForm and action != "continue":
            return steps_action(request, data, form, action, changing)
        if form.is_valid():
            answers[slug] = form.session_data()
            if current.form_class is forms.StepsForm:
                data["step_fields"] = max(1, len(form.steps()))
            save_draft(request, data)
            if changing or index == len(STEPS) - 1:
                return redirect("contributions:check_answers")
            return redirect(STEPS[index + 1].url)
        save_draft(request, data)
    else:
        form = current.form_class(initial=initial, **form_kwargs)

    return render_step(request, current, form, data, changing)


def render_step(request, current, form, data, changing):
    index = STEPS.index(current)
    if changing:
        back_url = reverse("contributions:check_answers")
    else:
        back_url = STEPS[index - 1].url if index else reverse("contributions:start")
    return render(
        request,
        f"contributions/steps/{current.slug.replace('-', '_')}.html",
        {
            "form": form,
            "step": current,
            "page_title": current.title,
            "back_url": back_url,
            "changing": changing,
            "about_page": about_page(data),
            "step_number": index + 1,
            "step_total": len(STEPS),
        },
    )


def steps_action(request, data, form, action, changing):
    """'Add another step' and 'Remove': keep what was typed, then show the page again."""
    typed = [plain_text(request.POST.get(name, "")) for name in form.fields if name.startswith("step_")]
    if any(len(text) > forms.MAX_STEP_LENGTH for text in typed):
        # Show the length errors rather than cut anything short.
        form.is_valid()
        return render_step(request, STEPS_BY_SLUG["steps"], form, data, changing)
    focus = ""
    if action.startswith("remove-") and action[7:].isascii() and action[7:].isdigit():
        position = int(action[7:]) - 1
        if 0 <= position < len(typed):
            typed.pop(position)
        steps = [text for text in typed if text]
        data["step_fields"] = max(1, len(steps))
    else:  # add another
        steps = [text for text in typed if text]
        data["step_fields"] = min(forms.MAX_STEPS, len(steps) + 1)
        focus = f"#id_step_{data['step_fields']}"
    data["answers"]["steps"] = {"steps": steps[: forms.MAX_STEPS]}
    save_draft(request, data)
    url = STEPS_BY_SLUG["steps"].url + ("?change=1" if changing else "")
    return redirect(url + focus)


def summary(request):
    """The answers checked again, as (step, bound form) pairs, or the first step that needs an answer."""
    answers = draft(request)["answers"]
    checked = []
    for current in STEPS:
        if current.slug not in answers:
            return None, current
        form = bound_form(current, answers[current.slug])
        if not form.is_valid():
            return None, current
        checked.append((current, form))
    return checked, None


@require_http_methods(["GET", "POST"])
def check_answers(request):
    checked, missing = summary(request)
    if missing is not None:
        return redirect(missing.url)
    data = draft(request)
    cleaned = {}
    for _step, form in checked:
        cleaned.update(form.cleaned_data)
    cleaned["steps"] = dict(checked)[STEPS_BY_SLUG["steps"]].steps()
    context = {
        "answers": cleaned,
        "about_page": about_page(data),
        "page_title": _("Check your answers before sending your contribution"),
        "back_url": STEPS[-1].url,
        "form": forms.SubmitForm(),
        "share_choices": WouldShare.choices,
    }
    if request.method == "GET":
        return render(request, "contributions/check_answers.html", context)

    submit = forms.SubmitForm(request.POST)
    if data.get("bot") or submit.caught_bot:
        # Look like success to the bot, but keep nothing and send nothing.
        request.session.pop(SESSION_KEY, None)
        request.session["contribute_sent_to"] = cleaned["email"]
        return redirect("contributions:sent")

    # Each limit is checked and counted in one step, before anything is saved or sent: simultaneous
    # submissions cannot all pass the check (and each send a confirmation email) before any is counted.
    ip = ratelimit.client_ip(request)
    if not ratelimit.take("contribution_per_ip", ip):
        context["rate_limited"] = True
        return render(request, "contributions/check_answers.html", context, status=429)
    if not ratelimit.take("contribution_per_email", cleaned["email"]):
        ratelimit.give_back("contribution_per_ip", ip)
        context["rate_limited"] = True
        return render(request, "contributions/check_answers.html", context, status=429)

    with transaction.atomic():
        contribution = Contribution.objects.create(
            council=cleaned["council"],
            contributor_name=cleaned["contributor_name"],
            contributor_role=cleaned["contributor_role"],
            email=cleaned["email"],
            language=translation.get_language() or settings.LANGUAGE_CODE,
            service=cleaned.get("service"),
            service_name=cleaned.get("service_name", ""),
            steps=cleaned["steps"],
            systems=cleaned.get("systems", ""),
            live_url=cleaned.get("live_url", ""),
            would_share_process=cleaned["would_share_process"],
            page=context["about_page"],
            needs_manual_review=not email_matches_council(cleaned["email"], cleaned["council"]),
        )
        contribution.life_events.set(cleaned.get("life_events") or [])
        token = ConfirmationToken.objects.issue(contribution)
    send_confirmation(contribution, absolute(reverse("contributions:confirm", args=[token])))
    request.session.pop(SESSION_KEY, None)
    request.session["contribute_sent_to"] = contribution.email
    return redirect("contributions:sent")


def sent(request):
    return render(
        request,
        "contributions/sent.html",
        {
            "email": request.session.get("contribute_sent_to", ""),
            "hours": settings.CONTRIBUTIONS_CONFIRMATION_HOURS,
            "page_title": _("Check your email"),
        },
    )


def confirm_problem(request, problem, title, status):
    context = {"problem": problem, "page_title": title, "hours": settings.CONTRIBUTIONS_CONFIRMATION_HOURS}
    return render(request, "contributions/confirm_problem.html", context, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """Confirm a contribution from the emailed link.

    Opening the link shows a button; only pressing it confirms. Council mail systems often open links to scan
    them, and that must not use up a single-use token.
    """
    row = ConfirmationToken.objects.find(token)
    if row is None:
        return confirm_problem(request, "invalid", _("This link is not valid"), 404)
    if row.is_used or row.contribution.status != ContributionStatus.UNCONFIRMED:
        return confirm_problem(request, "used", _("This link has already been used"), 410)
    if row.is_expired:
        return confirm_problem(request, "expired", _("This link has expired"), 410)
    if request.method == "POST":
        with transaction.atomic():
            # The conditional update makes the token single-use even when two requests race.
            used = ConfirmationToken.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=timezone.now())
            if not used:
                return confirm_problem(request, "used", _("This link has already been used"), 410)
            contribution = row.contribution
            contribution.status = ContributionStatus.NEW
            contribution.confirmed_at = timezone.now()
            contribution.save(update_fields=["status", "confirmed_at"])
        return render(
            request,
            "contributions/confirmed.html",
            {"contribution": contribution, "page_title": _("Contribution sent")},
        )
    return render(
        request,
        "contributions/confirm.html",
        {"contribution": row.contribution, "page_title": _("Confirm your contribution")},
    )

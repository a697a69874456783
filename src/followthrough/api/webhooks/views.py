"""An organisation's webhook endpoints: register, list, disable, send a test event, and read
each endpoint's deliveries with the receiver's answers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from followthrough.core.access import access
from followthrough.core.forms import apply_errors
from followthrough.organisations.models import Organisation

from .access import get_endpoint_for_user, get_webhook_organisation_for_user
from .forms import EndpointForm
from .models import MAX_ATTEMPTS, RETRY_MINUTES
from .selectors import deliveries_of, endpoints_of
from .services import webhook_endpoint_disable, webhook_endpoint_register, webhook_test_send

PAGE_SIZE = 50


def _list(
    request: HttpRequest, organisation: Organisation, form: EndpointForm | None = None
) -> HttpResponse:
    return render(
        request,
        "api/webhook_list.html",
        {
            "organisation": organisation,
            "endpoints": endpoints_of(organisation),
            "form": form or EndpointForm(),
        },
    )


@access("organisation_admin")
def endpoint_list(request: HttpRequest, pk: int) -> HttpResponse:
    return _list(request, get_webhook_organisation_for_user(request.user, pk))


@access("organisation_admin", methods=("POST",))
def endpoint_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Registers the endpoint and shows its secret, this once (it is not shown again)."""
    organisation = get_webhook_organisation_for_user(request.user, pk)
    form = EndpointForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                endpoint = webhook_endpoint_register(
                    organisation=organisation,
                    url=form.cleaned_data["url"].strip(),
                    events=form.cleaned_data["events"],
                    actor=request.user,
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return render(
                request,
                "api/webhook_created.html",
                {"organisation": organisation, "endpoint": endpoint},
            )
    return _list(request, organisation, form)


@access("organisation_admin")
def endpoint_detail(request: HttpRequest, pk: int, endpoint_pk: int) -> HttpResponse:
    endpoint = get_endpoint_for_user(request.user, pk, endpoint_pk)
    page = Paginator(deliveries_of(endpoint), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "api/webhook_detail.html",
        {
            "organisation": endpoint.organisation,
            "endpoint": endpoint,
            "page": page,
            "retry_minutes": RETRY_MINUTES,
            "max_attempts": MAX_ATTEMPTS,
        },
    )


@access("organisation_admin", methods=("POST",))
def endpoint_disable(request: HttpRequest, pk: int, endpoint_pk: int) -> HttpResponse:
    endpoint = get_endpoint_for_user(request.user, pk, endpoint_pk)
    try:
        with transaction.atomic():
            webhook_endpoint_disable(endpoint=endpoint, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"Nothing more will be sent to {endpoint.url}")
    return redirect("webhooks:endpoint-detail", pk=pk, endpoint_pk=endpoint.pk)


@access("organisation_admin", methods=("POST",))
def endpoint_test(request: HttpRequest, pk: int, endpoint_pk: int) -> HttpResponse:
    endpoint = get_endpoint_for_user(request.user, pk, endpoint_pk)
    try:
        with transaction.atomic():
            webhook_test_send(endpoint=endpoint, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request, "A test event is on its way: the receiver's answer will be listed here"
        )
    return redirect("webhooks:endpoint-detail", pk=pk, endpoint_pk=endpoint.pk)

"""A form refused because a colleague saved first comes back with exactly what the user typed:
never their text as a Python list, never a false "Select a rating" (issue 12, item 8)."""

from __future__ import annotations

from django.urls import reverse

from followthrough.selfassessment.models import AssessedRecommendation

from .test_pages import item_post


def test_a_refused_answer_keeps_the_users_words_and_rating(client, assessment, colleague):
    item = assessment.items.first()
    client.force_login(colleague)
    url = reverse("selfassessment:item-edit", args=[item.pk])
    assert client.post(url, item_post(item, rationale="First view.")).status_code == 302
    stale = client.post(
        url, item_post(item, rating="inadequate", rationale="Practitioner view.", comment_0="Mine")
    )
    html = stale.content.decode()
    assert "Someone else saved this recommendation" in html
    assert "Practitioner view." in html
    assert "[&#x27;" not in html and "['" not in html
    assert "Select a rating" not in html
    item.refresh_from_db()
    assert item.rationale == "First view."
    # Saving again, as the page says, stores the words as typed.
    again = client.post(url, item_post(item, rating="inadequate", rationale="Practitioner view."))
    assert again.status_code == 302
    assert AssessedRecommendation.objects.get(pk=item.pk).rationale == "Practitioner view."

"""A recommendation whose text reads as garbled is flagged where a service assesses it."""

from __future__ import annotations

from django.urls import reverse

WARNING = "This text may have been read wrongly from the document"


def test_the_item_page_flags_scrambled_text(client, assessment, colleague):
    item = assessment.items.first()
    client.force_login(colleague)
    url = reverse("selfassessment:item-edit", args=[item.pk])
    assert WARNING not in client.get(url).content.decode()
    rec = item.recommendation
    rec.text = "m the staff super the service vising young people in tr ained to of deliver i"
    rec.save()
    html = client.get(url).content.decode()
    assert WARNING in html and "check the source" in html
    rec.text_corrected = True
    rec.save()
    assert WARNING not in client.get(url).content.decode()

"""The assessment page's filter: all, still to do or done, with counts, without JavaScript."""

from __future__ import annotations

from django.urls import reverse

from .test_pages import item_post


def test_the_page_shows_only_what_is_still_to_do(client, assessment, colleague):
    done, *rest = assessment.items.all()
    client.force_login(colleague)
    saved = client.post(reverse("selfassessment:item-edit", args=[done.pk]), item_post(done))
    assert saved.status_code == 302
    url = reverse("selfassessment:assessment-detail", args=[assessment.pk])

    everything = client.get(url).content.decode()
    assert "All (6)" in everything and "Still to do (5)" in everything and "Done (1)" in everything
    assert all(f'id="item-{item.pk}"' in everything for item in (done, *rest))

    todo = client.get(url, {"show": "todo"}).content.decode()
    assert "Showing 5 recommendations: still to do." in todo
    assert f'id="item-{done.pk}"' not in todo
    assert all(f'id="item-{item.pk}"' in todo for item in rest)
    assert 'id="show-todo" name="show" type="radio" value="todo" checked' in todo

    finished = client.get(url, {"show": "done"}).content.decode()
    assert f'id="item-{done.pk}"' in finished
    assert not any(f'id="item-{item.pk}"' in finished for item in rest)

    assert (
        client.get(url, {"show": "<nonsense>"})
        .content.decode()
        .count('govuk-summary-card" id="item-')
        == 6
    )

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("web:accessibility", "Accessibility statement"),
        ("web:privacy", "Privacy"),
        ("web:cookies", "Cookies"),
    ],
)
def test_footer_pages_open_signed_out_with_their_heading(client, db, name, heading):
    response = client.get(reverse(name))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html
    assert f"<title>{heading} – Followthrough</title>" in html
    assert f'href="{reverse(name)}"' in html  # the footer links to it

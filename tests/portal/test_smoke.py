import pytest


@pytest.mark.parametrize("language", ["fr", "en"])
def test_home_page_is_served_in_each_language(client, site_pages, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_every_seeded_theme_has_a_page_in_each_language(client, site_pages):
    response = client.get("/en/themes/health-financing/")
    assert response.status_code == 200
    assert "Health financing" in response.content.decode()
    response = client.get("/fr/themes/financement-de-la-sante/")
    assert response.status_code == 200

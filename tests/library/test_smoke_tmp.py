from .factories import ResourceFileFactory, ResourcePageFactory


def test_catalogue_and_detail_render(client, fr_library):
    resource = ResourcePageFactory(parent=fr_library, title="Guide faisabilité")
    ResourceFileFactory(resource=resource)
    response = client.get("/fr/library/")
    assert response.status_code == 200, response.content.decode()[:3000]
    assert "Guide faisabilité" in response.content.decode()
    response = client.get(resource.url)
    assert response.status_code == 200
    print(response.content.decode())

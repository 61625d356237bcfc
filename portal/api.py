"""The portal's read-only JSON API at /api/v1/, documented at /api/v1/openapi.json.

One NinjaAPI instance; each app adds its router from its AppConfig.ready()
(`api.add_router("/resources/", router)`).
"""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Social Protection Portal API",
    version="1.0.0",
    description="Read-only access to the portal's public content.",
    urls_namespace="api",
)

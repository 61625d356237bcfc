"""Wagtail admin of the library: document access rule, imports and download statistics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView, InspectView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import ImportJobForm
from .models import DownloadCount, ImportJob, ResourcePage
from .permissions import may_serve_document


@hooks.register("before_serve_document")
def keep_unpublished_resource_files_private(document, request):
    """Wagtail's /documents/ URL must not leak files the library keeps private."""
    if not may_serve_document(request.user, document):
        raise Http404


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_uncleared_resources(request, action_type, objects, action):
    """Bulk publishing stops with a message, instead of the model's guard failing midway."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        pages += [child for page in objects for child in page.get_descendants().not_live()]
    resources = ResourcePage.objects.filter(pk__in=[page.pk for page in pages])
    blocked = [
        resource.title
        for resource in resources
        if (revision := resource.get_latest_revision()) and revision.as_object().rights_problems()
    ]
    if not blocked:
        return None
    messages.error(
        request,
        _(
            "Nothing was published: record the rights of these resources first "
            "(their owner's permission or open licence): %(titles)s"
        )
        % {"titles": ", ".join(blocked)},
    )
    return redirect(action.next_url)


class ImportJobCreateView(CreateView):
    def save_instance(self):
        from .tasks import run_import_job

        job = self.form.save(commit=False)
        job.created_by = self.request.user
        job.save()
        run_import_job.enqueue(job.pk)
        return job


class ImportJobIndexView(IndexView):
    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)


class ImportJobInspectView(InspectView):
    template_name = "library/admin/import_job_inspect.html"


class ImportJobViewSet(ModelViewSet):
    """Editors upload a manifest; the import runs in the background and reports per row."""

    model = ImportJob
    icon = "upload"
    menu_label = _("Library imports")
    add_to_admin_menu = True
    menu_order = 250
    form_fields = ["manifest", "dry_run"]
    add_view_class = ImportJobCreateView
    index_view_class = ImportJobIndexView
    inspect_view_class = ImportJobInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        "created_at",
        "created_by",
        Column("progress_percent", label=_("Progress (%)")),
        "status",
    ]

    def get_form_class(self, for_update=False):
        return ImportJobForm


class DownloadReportView(ReportView):
    """Downloads of every resource by month, most downloaded first; exportable as a spreadsheet."""

    page_title = _("Library downloads")
    header_icon = "download"
    index_url_name = "library_downloads"
    index_results_url_name = "library_downloads_results"
    results_template_name = "library/admin/download_report_results.html"
    list_export = ["resource__title", "month", "total"]
    export_headings = {
        "resource__title": _("Resource"),
        "month": _("Month"),
        "total": _("Downloads"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("library.view_downloadcount"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            DownloadCount.objects.values("resource_id", "resource__title", "month")
            .annotate(total=Sum("count"))
            .order_by("-month", "-total", "resource__title")
        )


import_job_viewset = ImportJobViewSet("library_imports")


@hooks.register("register_admin_viewset")
def register_import_jobs():
    return import_job_viewset


@hooks.register("register_admin_urls")
def register_download_report():
    from django.urls import path

    return [
        path("reports/library-downloads/", DownloadReportView.as_view(), name="library_downloads"),
        path(
            "reports/library-downloads/results/",
            DownloadReportView.as_view(results_only=True),
            name="library_downloads_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    class DownloadsMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("library.view_downloadcount")

    return DownloadsMenuItem(
        _("Library downloads"), reverse("library_downloads"), icon_name="download", order=700
    )

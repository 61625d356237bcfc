"""The Documents tab: the list by folder, uploads, versions and permission-checked downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from projects.forms import DocumentForm, VersionForm
from projects.models import Document, DocumentVersion
from projects.permissions import Action
from projects.services import documents as service
from projects.services.library import publish_to_library as library_publish
from projects.services.membership import MembershipError

from .common import load_workspace, private, workspace_context


def _documents_context(request, workspace, *trail):
    index_url = reverse("projects:documents", kwargs={"slug": workspace.slug})
    return workspace_context(
        request, workspace, "documents", (_("Documents"), index_url if trail else None), *trail
    )


@private
def index(request, slug):
    workspace = load_workspace(request, slug, Action.READ)
    context = _documents_context(request, workspace)
    documents = workspace.documents.select_related(
        "current_version__uploaded_by", "workspace"
    ).order_by("folder", "title")
    folder = request.GET.get("folder")
    if folder is not None:
        documents = documents.filter(folder=folder)
    context["documents"] = documents
    context["folders"] = (
        workspace.documents.exclude(folder="")
        .order_by("folder")
        .values_list("folder", flat=True)
        .distinct()
    )
    context["current_folder"] = folder
    return render(request, "projects/documents/index.html", context)


@private
@login_required
@require_http_methods(["GET", "POST"])
def upload(request, slug):
    workspace = load_workspace(request, slug, Action.CONTRIBUTE)
    form = DocumentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        document = service.add_document(
            workspace,
            request.user,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            folder=form.cleaned_data["folder"],
            upload=file,
            checked=file.checked,
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("The document has been added."))
        return redirect(document)
    context = _documents_context(request, workspace, (_("Add a document"), None))
    context["form"] = form
    return render(
        request, "projects/documents/upload.html", context, status=400 if form.errors else 200
    )


def _get_document(workspace, pk) -> Document:
    return get_object_or_404(
        Document.objects.select_related("workspace", "current_version"), workspace=workspace, pk=pk
    )


@private
@require_http_methods(["GET", "POST"])
def detail(request, slug, pk):
    workspace = load_workspace(request, slug, Action.READ)
    document = _get_document(workspace, pk)
    form = None
    if request.method == "POST":
        # Uploading a new version needs more than reading.
        workspace = load_workspace(request, slug, Action.CONTRIBUTE)
        form = VersionForm(request.POST, request.FILES)
        if form.is_valid():
            file = form.cleaned_data["file"]
            service.add_version(
                document,
                request.user,
                upload=file,
                checked=file.checked,
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("The new version has been uploaded."))
            return redirect(document)
    context = _documents_context(request, workspace, (document.title, None))
    context["document"] = document
    context["versions"] = document.versions.select_related("uploaded_by")
    if context["can"][Action.CONTRIBUTE]:
        context["form"] = form or VersionForm()
    return render(
        request,
        "projects/documents/detail.html",
        context,
        status=400 if form is not None and form.errors else 200,
    )


@private
def download(request, slug, pk, number):
    """Serve a version's file only to those who may read the workspace."""
    workspace = load_workspace(request, slug, Action.READ)
    version = get_object_or_404(
        DocumentVersion, document__workspace=workspace, document_id=pk, number=number
    )
    try:
        handle = version.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=version.filename, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@private
@login_required
@require_POST
def publish(request, slug, pk):
    """Coordinators send a document to the library's editors as a draft resource."""
    workspace = load_workspace(request, slug, Action.MANAGE)
    document = _get_document(workspace, pk)
    try:
        library_publish(document, request.user)
    except MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("A draft library resource has been created: the library's editors will review it."),
        )
    return redirect(document)

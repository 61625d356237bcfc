"""Load the demo content of every app (idempotent: running it twice changes nothing)."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Create demo users, pages and content for every app that has a demo module."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            if not module_has_submodule(config.module, "demo"):
                continue
            demo = import_module(f"{config.name}.demo")
            if not hasattr(demo, "load"):
                continue
            with transaction.atomic():
                demo.load(self.stdout)
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {config.label}"))

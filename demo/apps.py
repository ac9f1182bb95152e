from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content written from the final report, loaded by `manage.py load_demo_content`."""

    name = "demo"
    verbose_name = "Demoinnehåll"

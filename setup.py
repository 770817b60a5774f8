"""Only what pyproject.toml cannot say: resources/ (icons, stylesheets, translations) stays at the top of
the repository and is shipped inside the package as ``sellerdesk/_resources`` (sellerdesk.ui.resources
finds it there in a wheel and in a PyInstaller build, and at the top in a checkout)."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["sellerdesk", "sellerdesk.*"]),
        "sellerdesk._resources",
        "sellerdesk._resources.guide",
    ],
    # The user guide (Help → User guide) and the screenshots it shows are read from docs/.
    package_dir={"sellerdesk._resources": "resources", "sellerdesk._resources.guide": "docs"},
)

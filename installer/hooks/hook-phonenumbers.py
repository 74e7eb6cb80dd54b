"""phonenumbers without its geocoder, carrier and time-zone tables (~45 MB): the desk only
validates and formats numbers. Replaces the pyinstaller-hooks-contrib hook, which takes all."""

from PyInstaller.utils.hooks import collect_submodules

_UNUSED = (
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
)

hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(_UNUSED))

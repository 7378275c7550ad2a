import os
import os.path
import collections.abc as cabc
from sys import argv, path as sys_path
from . import sibling
from .pkg import thing
from math import *


def local_import():
    import json
    from re import compile as rc
    return json, rc

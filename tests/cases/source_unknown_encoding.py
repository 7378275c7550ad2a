#!/usr/bin/env python3
# vim: set fileencoding=foobar :
print(1)

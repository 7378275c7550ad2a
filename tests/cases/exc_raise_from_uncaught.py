class ConfigError(Exception):
    pass
def load():
    try:
        return {}["path"]
    except KeyError as e:
        raise ConfigError("missing setting 'path'") from e
print("loading")
load()

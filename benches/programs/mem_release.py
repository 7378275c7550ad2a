# Memory is returned: a burst of small objects (about 1 GiB in minipy) is
# dropped and resident memory falls back.
N = 8_000_000
def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1

base = rss_mb()
burst = [(i, i) for i in range(N)]
peak = rss_mb()
del burst
after = rss_mb()
grew = peak - base
print("grew by more than 400 MB:", grew > 400)
print("fell back to within 25% of the growth:", after - base < grew // 4)

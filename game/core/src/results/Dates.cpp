// UTC date parsing and formatting for filters and exports (epoch milliseconds).
#include <chrono>
#include <cstdio>
#include <ctime>

#include "counterplay/core/ResultsStore.h"

namespace counterplay::core {

bool parseDateMs(const std::string& text, bool endOfDay, std::int64_t& outMs) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    int used = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10)
        return false;
    std::string rest = text.substr(10);
    bool dateOnly = rest.empty();
    if (!dateOnly) {
        if (rest[0] != 'T' && rest[0] != ' ') return false;
        int n = 0;
        if (std::sscanf(rest.c_str() + 1, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5) return false;
        std::string tail = rest.substr(6);
        if (!tail.empty() && tail[0] == ':') {
            int m = 0;
            if (std::sscanf(tail.c_str() + 1, "%2d%n", &s, &m) != 1 || m != 2) return false;
            tail = tail.substr(3);
        }
        if (!(tail.empty() || tail == "Z")) return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1970)
        return false;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::time_t t = timegm(&tm);
    if (t == static_cast<std::time_t>(-1)) return false;
    std::tm back{};
    gmtime_r(&t, &back);
    if (back.tm_mday != d) return false;  // e.g. 2024-02-31
    outMs = static_cast<std::int64_t>(t) * 1000;
    if (dateOnly && endOfDay) outMs += 86400LL * 1000;
    return true;
}

std::string formatIsoUtc(std::int64_t epochMs) {
    std::int64_t secs = epochMs / 1000;
    std::int64_t ms = epochMs % 1000;
    if (ms < 0) {
        ms += 1000;
        --secs;
    }
    const std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

std::int64_t nowEpochMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace counterplay::core

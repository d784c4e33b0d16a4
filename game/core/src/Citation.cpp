// Citations for display (see Citation.h). C++ sources stay ASCII: the Korean marks are escapes.
#include "counterplay/core/Citation.h"

#include <algorithm>
#include <cctype>

namespace counterplay::core {

namespace {

constexpr const char* kBookOpen = "\u300E";   // 『
constexpr const char* kBookClose = "\u300F";  // 』

bool allDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string itemText(const Source& source, const Text& item, Lang lang) {
    const std::string& value = item.in(lang);
    const std::string& label = source.itemLabel.in(lang);
    if (value.empty() || label.empty() || !allDigits(value)) return value;
    return fillPlaceholders(label, {{"item", value}});
}

void appendPart(std::string& out, const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ", ";
    out += part;
}

}  // namespace

CitationParts citationParts(const Source& source, const Text& item, Lang lang) {
    CitationParts c;
    const std::string& title = source.title.in(lang);
    const std::string& author = source.author.in(lang);
    const std::string& publisher = source.publisher.in(lang);
    const bool book = source.kind == "book";
    const bool law = source.kind == "law";
    if (book) {
        c.title = lang == Lang::Ko ? kBookOpen + title + kBookClose : title;
        c.italic = lang != Lang::Ko;
    } else if (law) {
        c.title = title;
    } else {
        c.title = "\"" + title + "\"";
    }

    std::string tail;
    if (book) {
        // Author, Title (Publisher, date): the publisher only leads when there is no author.
        if (!author.empty())
            c.lead = author + ", ";
        else if (!publisher.empty() && source.date.empty())
            c.lead = publisher + ", ";
        std::string bracket = author.empty() && source.date.empty() ? "" : publisher;
        appendPart(bracket, source.date);
        if (!bracket.empty()) c.tail = " (" + bracket + ")";
    } else if (law) {
        appendPart(tail, author.empty() ? publisher : author);
        appendPart(tail, source.date);
    } else {
        c.lead = (author.empty() ? publisher : author) + ", ";
        if (!author.empty()) appendPart(tail, publisher);
        appendPart(tail, source.date);
    }
    appendPart(tail, itemText(source, item, lang));
    if (!tail.empty()) c.tail += ", " + tail;
    if (c.lead == ", ") c.lead.clear();
    return c;
}

std::string formatCitation(const Source& source, const Text& item, Lang lang) {
    return citationParts(source, item, lang).plain();
}

std::string formatCitation(const SourceRef& ref, const Catalogue* catalogue, Lang lang) {
    if (catalogue == nullptr || ref.ref.empty()) return {};
    const Source* source = catalogue->findSource(ref.ref);
    return source ? formatCitation(*source, ref.item, lang) : std::string();
}

}  // namespace counterplay::core

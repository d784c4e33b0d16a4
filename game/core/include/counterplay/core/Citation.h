// Citations for people: a principle's or scenario's `source: {ref, item}` resolved against the
// catalogue's `sources:` table and written out in Korean or English, for the debrief, the HTML
// scorecard and `counterplay principles`. Never a file name.
#pragma once

#include <string>

#include "counterplay/core/Catalogue.h"
#include "counterplay/core/Model.h"
#include "counterplay/core/Text.h"

namespace counterplay::core {

/// A citation split so that a renderer can set the title apart (HTML <cite>): the plain text is
/// lead + title + tail. In Korean the title already carries its marks (『book』, "article"); in
/// English an article's title is in quotes and a book's is bare with `italic` set.
struct CitationParts {
    std::string lead;
    std::string title;
    bool italic = false;
    std::string tail;

    std::string plain() const { return lead + title + tail; }
};

/// The citation of `source` with `item` (which part of it; may be empty) in `lang`:
///   book     토니 크램, 『고객서비스의 크레센도 법칙』, 10번째 방법
///            Tony Cram, The Crescendo Rule of Customer Service, way 10   (title italic)
///            『기적의 7초 고객 서비스』 (위닝북스, 2017)
///   article  한국카네기연구소, "#36. ...", 2016-02-16, 3단계
///   law      산업안전보건법 제41조 (...), 대한민국, 2018-10-18
/// The author leads, else the publisher. A book's publisher and date go in brackets after its
/// title. An item of digits only is written through the source's `item_label` ("{item}번째
/// 방법"); any other item is written as it is.
CitationParts citationParts(const Source& source, const Text& item, Lang lang);

/// citationParts(...).plain().
std::string formatCitation(const Source& source, const Text& item, Lang lang);

/// The citation a principle or scenario gives, looked up in `catalogue`; empty when there is no
/// catalogue, no `ref`, or the ref names no source (an old `seed:` file name is never shown).
std::string formatCitation(const SourceRef& ref, const Catalogue* catalogue, Lang lang);

}  // namespace counterplay::core

// State of the editor's Translation panel (EditorTranslation.cpp): the texts whose translation
// needs a look (core TranslationCheck), found again whenever the document changes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "counterplay/core/TranslationCheck.h"

namespace counterplay::app {

struct EditorTranslationPanel {
    bool open = false;
    std::shared_ptr<const core::Scenario> checkedModel;  ///< the model `findings` are for
    bool marksLoaded = false;
    core::ReviewMarks marks;
    std::string marksError;
    std::vector<core::TranslationFinding> findings;
};

}  // namespace counterplay::app

#pragma once

#include "core/trace/trace.h"

#include <QString>

namespace carteiro::core {

// A run written out for class notes: every event in order, the protocol lines of each
// connection grouped under a heading with C:/S: marks. Text is the CLI's form; Markdown puts
// each connection's lines in a code block; HTML is one page that needs no other file.
enum class TranscriptFormat { Text, Markdown, Html };

struct TranscriptOptions
{
    QString title;        // the scenario's title, in the reader's language
    QString summary;      // likewise, may be empty
    std::size_t upTo = 0; // events [0, upTo); 0 means the whole trace
};

QString writeTranscript(const Trace &trace, TranscriptFormat format,
                        const TranscriptOptions &options = {});

} // namespace carteiro::core

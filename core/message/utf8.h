#pragma once

#include <QByteArray>
#include <QStringView>

namespace carteiro::core {

// Appends text to bytes as UTF-8 without a temporary QByteArray. Protocol lines are nearly
// always ASCII and are copied unit by unit; anything else goes through QString's encoder.
inline void appendUtf8(QByteArray &out, QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80) {
            out += text.toUtf8();
            return;
        }
    }
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *write = out.data() + at;
    for (QChar c : text)
        *write++ = char(c.unicode());
}

} // namespace carteiro::core

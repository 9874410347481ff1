#pragma once

#include <QFont>
#include <QWidget>

#include <algorithm>

namespace carteiro::app {

// Text seen on a classroom projector from the back row: never below this size.
constexpr int kReadablePointSize = 11;

// Raises the widget's font (and so its children's) to a readable size; a larger one stays.
inline void useReadableFont(QWidget *widget, int pointSize = kReadablePointSize)
{
    QFont font = widget->font();
    if (font.pointSize() > 0 && font.pointSize() < pointSize) {
        font.setPointSize(pointSize);
        widget->setFont(font);
    }
}

} // namespace carteiro::app

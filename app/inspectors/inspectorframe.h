#pragma once

#include "app/inspectors/readablefont.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace carteiro::app {

// The frame the table inspectors share: a one-line summary above a tree of rows, in a
// readable font, columns sized to their contents.
inline QTreeWidget *buildInspectorFrame(QWidget *inspector, QLabel **summary,
                                        const QStringList &headers)
{
    useReadableFont(inspector);
    *summary = new QLabel(inspector);
    (*summary)->setWordWrap(true);
    auto *tree = new QTreeWidget(inspector);
    tree->setColumnCount(int(headers.size()));
    tree->setHeaderLabels(headers);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(inspector);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(*summary);
    layout->addWidget(tree, 1);
    return tree;
}

} // namespace carteiro::app

# Generated from ui/database_problem.ui by tools/compile_ui.py - do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'database_problem.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_DatabaseProblemDialog(object):
    def setupUi(self, DatabaseProblemDialog):
        if not DatabaseProblemDialog.objectName():
            DatabaseProblemDialog.setObjectName(u"DatabaseProblemDialog")
        DatabaseProblemDialog.resize(560, 320)
        self.layout = QVBoxLayout(DatabaseProblemDialog)
        self.layout.setObjectName(u"layout")
        self.headline = QLabel(DatabaseProblemDialog)
        self.headline.setObjectName(u"headline")
        self.headline.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.layout.addWidget(self.headline)

        self.message = QLabel(DatabaseProblemDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.pathLabel = QLabel(DatabaseProblemDialog)
        self.pathLabel.setObjectName(u"pathLabel")
        self.pathLabel.setWordWrap(True)
        self.pathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.pathLabel)

        self.keepNote = QLabel(DatabaseProblemDialog)
        self.keepNote.setObjectName(u"keepNote")
        self.keepNote.setWordWrap(True)

        self.layout.addWidget(self.keepNote)

        self.backupLabel = QLabel(DatabaseProblemDialog)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)

        self.layout.addWidget(self.backupLabel)

        self.spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.restoreButton = QPushButton(DatabaseProblemDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttons.addWidget(self.restoreButton)

        self.readOnlyButton = QPushButton(DatabaseProblemDialog)
        self.readOnlyButton.setObjectName(u"readOnlyButton")

        self.buttons.addWidget(self.readOnlyButton)

        self.openOtherButton = QPushButton(DatabaseProblemDialog)
        self.openOtherButton.setObjectName(u"openOtherButton")

        self.buttons.addWidget(self.openOtherButton)

        self.quitButton = QPushButton(DatabaseProblemDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttons.addWidget(self.quitButton)


        self.layout.addLayout(self.buttons)


        self.retranslateUi(DatabaseProblemDialog)

        QMetaObject.connectSlotsByName(DatabaseProblemDialog)
    # setupUi

    def retranslateUi(self, DatabaseProblemDialog):
        DatabaseProblemDialog.setWindowTitle(QCoreApplication.translate("DatabaseProblemDialog", u"\u6570\u636e\u5e93\u65e0\u6cd5\u6253\u5f00", None))
        self.headline.setText(QCoreApplication.translate("DatabaseProblemDialog", u"\u6570\u636e\u5e93\u65e0\u6cd5\u6253\u5f00", None))
        self.restoreButton.setText(QCoreApplication.translate("DatabaseProblemDialog", u"\u6062\u590d\u6700\u8fd1\u7684\u5b8c\u597d\u5907\u4efd", None))
        self.readOnlyButton.setText(QCoreApplication.translate("DatabaseProblemDialog", u"\u53ea\u8bfb\u67e5\u770b", None))
        self.openOtherButton.setText(QCoreApplication.translate("DatabaseProblemDialog", u"\u6253\u5f00\u5176\u4ed6\u6570\u636e\u5e93\u2026", None))
        self.quitButton.setText(QCoreApplication.translate("DatabaseProblemDialog", u"\u9000\u51fa", None))
    # retranslateUi


# Generated from ui/fail_dialog.ui by tools/compile_ui.py - do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'fail_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_FailDialog(object):
    def setupUi(self, FailDialog):
        if not FailDialog.objectName():
            FailDialog.setObjectName(u"FailDialog")
        FailDialog.resize(560, 440)
        self.layout = QVBoxLayout(FailDialog)
        self.layout.setObjectName(u"layout")
        self.itemLabel = QLabel(FailDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)
        self.itemLabel.setStyleSheet(u"font-weight: bold;")

        self.layout.addWidget(self.itemLabel)

        self.guidanceLabel = QLabel(FailDialog)
        self.guidanceLabel.setObjectName(u"guidanceLabel")
        self.guidanceLabel.setWordWrap(True)
        self.guidanceLabel.setStyleSheet(u"color: #5f6368;")

        self.layout.addWidget(self.guidanceLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.noteLabel = QLabel(FailDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(FailDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(2000)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.ownerLabel = QLabel(FailDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerCombo = QComboBox(FailDialog)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.dueLabel = QLabel(FailDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateEdit(FailDialog)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)
        self.dueEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dueEdit)


        self.layout.addLayout(self.form)

        self.photoHint = QLabel(FailDialog)
        self.photoHint.setObjectName(u"photoHint")
        self.photoHint.setWordWrap(True)
        self.photoHint.setStyleSheet(u"color: #9a5b00;")

        self.layout.addWidget(self.photoHint)

        self.photoList = QListWidget(FailDialog)
        self.photoList.setObjectName(u"photoList")
        self.photoList.setViewMode(QListView.ViewMode.IconMode)
        self.photoList.setIconSize(QSize(96, 96))
        self.photoList.setMaximumSize(QSize(16777215, 130))

        self.layout.addWidget(self.photoList)

        self.photoButtons = QHBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.addPhotoButton = QPushButton(FailDialog)
        self.addPhotoButton.setObjectName(u"addPhotoButton")
        self.addPhotoButton.setAutoDefault(False)

        self.photoButtons.addWidget(self.addPhotoButton)

        self.pastePhotoButton = QPushButton(FailDialog)
        self.pastePhotoButton.setObjectName(u"pastePhotoButton")
        self.pastePhotoButton.setAutoDefault(False)

        self.photoButtons.addWidget(self.pastePhotoButton)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoButtons.addItem(self.photoSpacer)


        self.layout.addLayout(self.photoButtons)

        self.buttons = QDialogButtonBox(FailDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
        self.ownerLabel.setBuddy(self.ownerCombo)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FailDialog)

        QMetaObject.connectSlotsByName(FailDialog)
    # setupUi

    def retranslateUi(self, FailDialog):
        FailDialog.setWindowTitle(QCoreApplication.translate("FailDialog", u"\u8bb0\u5f55\u4e0d\u5408\u683c", None))
        self.noteLabel.setText(QCoreApplication.translate("FailDialog", u"\u95ee\u9898\u8bf4\u660e", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("FailDialog", u"\u7b80\u8981\u5199\u660e\u770b\u5230\u7684\u95ee\u9898\uff0c\u4f8b\u5982\uff1a\u996e\u6c34\u673a\u65e0\u6c34", None))
        self.ownerLabel.setText(QCoreApplication.translate("FailDialog", u"\u6574\u6539\u8d23\u4efb\u4eba", None))
        self.dueLabel.setText(QCoreApplication.translate("FailDialog", u"\u6574\u6539\u671f\u9650", None))
        self.addPhotoButton.setText(QCoreApplication.translate("FailDialog", u"\u6dfb\u52a0\u7167\u7247\u2026", None))
        self.pastePhotoButton.setText(QCoreApplication.translate("FailDialog", u"\u7c98\u8d34\u7167\u7247", None))
    # retranslateUi


# Generated from ui/hall_profile.ui by tools/compile_ui.py - do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hall_profile.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget

from hallsupervisor.gui.profile.hours_editor import OpeningHoursEditor

class Ui_HallProfileDialog(object):
    def setupUi(self, HallProfileDialog):
        if not HallProfileDialog.objectName():
            HallProfileDialog.setObjectName(u"HallProfileDialog")
        HallProfileDialog.resize(860, 560)
        self.layout = QVBoxLayout(HallProfileDialog)
        self.layout.setObjectName(u"layout")
        self.pages = QTabWidget(HallProfileDialog)
        self.pages.setObjectName(u"pages")
        self.basicPage = QWidget()
        self.basicPage.setObjectName(u"basicPage")
        self.basicForm = QFormLayout(self.basicPage)
        self.basicForm.setObjectName(u"basicForm")
        self.nameLabel = QLabel(self.basicPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.basicPage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(80)

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(self.basicPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.basicPage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.regionLabel = QLabel(self.basicPage)
        self.regionLabel.setObjectName(u"regionLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionEdit = QLineEdit(self.basicPage)
        self.regionEdit.setObjectName(u"regionEdit")
        self.regionEdit.setMaxLength(80)

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.regionEdit)

        self.packLabel = QLabel(self.basicPage)
        self.packLabel.setObjectName(u"packLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.packLabel)

        self.packValue = QLabel(self.basicPage)
        self.packValue.setObjectName(u"packValue")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.packValue)

        self.hoursLabel = QLabel(self.basicPage)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursEditor = OpeningHoursEditor(self.basicPage)
        self.hoursEditor.setObjectName(u"hoursEditor")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hoursEditor)

        self.pages.addTab(self.basicPage, "")
        self.businessPage = QWidget()
        self.businessPage.setObjectName(u"businessPage")
        self.businessPageLayout = QVBoxLayout(self.businessPage)
        self.businessPageLayout.setObjectName(u"businessPageLayout")
        self.businessPageHint = QLabel(self.businessPage)
        self.businessPageHint.setObjectName(u"businessPageHint")
        self.businessPageHint.setWordWrap(True)

        self.businessPageLayout.addWidget(self.businessPageHint)

        self.businessTable = QTableView(self.businessPage)
        self.businessTable.setObjectName(u"businessTable")
        self.businessTable.setAlternatingRowColors(True)
        self.businessTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.businessTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.businessPageLayout.addWidget(self.businessTable)

        self.businessPageButtons = QHBoxLayout()
        self.businessPageButtons.setObjectName(u"businessPageButtons")
        self.addBusinessButton = QPushButton(self.businessPage)
        self.addBusinessButton.setObjectName(u"addBusinessButton")

        self.businessPageButtons.addWidget(self.addBusinessButton)

        self.removeBusinessButton = QPushButton(self.businessPage)
        self.removeBusinessButton.setObjectName(u"removeBusinessButton")

        self.businessPageButtons.addWidget(self.removeBusinessButton)

        self.businessPageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.businessPageButtons.addItem(self.businessPageSpacer)


        self.businessPageLayout.addLayout(self.businessPageButtons)

        self.pages.addTab(self.businessPage, "")
        self.countersPage = QWidget()
        self.countersPage.setObjectName(u"countersPage")
        self.countersPageLayout = QVBoxLayout(self.countersPage)
        self.countersPageLayout.setObjectName(u"countersPageLayout")
        self.countersPageHint = QLabel(self.countersPage)
        self.countersPageHint.setObjectName(u"countersPageHint")
        self.countersPageHint.setWordWrap(True)

        self.countersPageLayout.addWidget(self.countersPageHint)

        self.countersTable = QTableView(self.countersPage)
        self.countersTable.setObjectName(u"countersTable")
        self.countersTable.setAlternatingRowColors(True)
        self.countersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.countersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.countersPageLayout.addWidget(self.countersTable)

        self.countersPageButtons = QHBoxLayout()
        self.countersPageButtons.setObjectName(u"countersPageButtons")
        self.addCounterButton = QPushButton(self.countersPage)
        self.addCounterButton.setObjectName(u"addCounterButton")

        self.countersPageButtons.addWidget(self.addCounterButton)

        self.removeCounterButton = QPushButton(self.countersPage)
        self.removeCounterButton.setObjectName(u"removeCounterButton")

        self.countersPageButtons.addWidget(self.removeCounterButton)

        self.countersPageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.countersPageButtons.addItem(self.countersPageSpacer)


        self.countersPageLayout.addLayout(self.countersPageButtons)

        self.pages.addTab(self.countersPage, "")
        self.staffPage = QWidget()
        self.staffPage.setObjectName(u"staffPage")
        self.staffPageLayout = QVBoxLayout(self.staffPage)
        self.staffPageLayout.setObjectName(u"staffPageLayout")
        self.staffPageHint = QLabel(self.staffPage)
        self.staffPageHint.setObjectName(u"staffPageHint")
        self.staffPageHint.setWordWrap(True)

        self.staffPageLayout.addWidget(self.staffPageHint)

        self.staffTable = QTableView(self.staffPage)
        self.staffTable.setObjectName(u"staffTable")
        self.staffTable.setAlternatingRowColors(True)
        self.staffTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staffTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.staffPageLayout.addWidget(self.staffTable)

        self.staffPageButtons = QHBoxLayout()
        self.staffPageButtons.setObjectName(u"staffPageButtons")
        self.addStaffButton = QPushButton(self.staffPage)
        self.addStaffButton.setObjectName(u"addStaffButton")

        self.staffPageButtons.addWidget(self.addStaffButton)

        self.removeStaffButton = QPushButton(self.staffPage)
        self.removeStaffButton.setObjectName(u"removeStaffButton")

        self.staffPageButtons.addWidget(self.removeStaffButton)

        self.staffPageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.staffPageButtons.addItem(self.staffPageSpacer)


        self.staffPageLayout.addLayout(self.staffPageButtons)

        self.pages.addTab(self.staffPage, "")

        self.layout.addWidget(self.pages)

        self.bottomButtons = QHBoxLayout()
        self.bottomButtons.setObjectName(u"bottomButtons")
        self.undoButton = QPushButton(HallProfileDialog)
        self.undoButton.setObjectName(u"undoButton")

        self.bottomButtons.addWidget(self.undoButton)

        self.redoButton = QPushButton(HallProfileDialog)
        self.redoButton.setObjectName(u"redoButton")

        self.bottomButtons.addWidget(self.redoButton)

        self.savedLabel = QLabel(HallProfileDialog)
        self.savedLabel.setObjectName(u"savedLabel")

        self.bottomButtons.addWidget(self.savedLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomButtons.addItem(self.bottomSpacer)

        self.closeButton = QPushButton(HallProfileDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.bottomButtons.addWidget(self.closeButton)


        self.layout.addLayout(self.bottomButtons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.regionLabel.setBuddy(self.regionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HallProfileDialog)

        QMetaObject.connectSlotsByName(HallProfileDialog)
    # setupUi

    def retranslateUi(self, HallProfileDialog):
        HallProfileDialog.setWindowTitle(QCoreApplication.translate("HallProfileDialog", u"\u8425\u4e1a\u5385\u8d44\u6599", None))
        self.nameLabel.setText(QCoreApplication.translate("HallProfileDialog", u"\u8425\u4e1a\u5385\u540d\u79f0", None))
        self.kindLabel.setText(QCoreApplication.translate("HallProfileDialog", u"\u7c7b\u578b", None))
        self.regionLabel.setText(QCoreApplication.translate("HallProfileDialog", u"\u6240\u5728\u5730\u533a", None))
        self.packLabel.setText(QCoreApplication.translate("HallProfileDialog", u"\u5185\u7f6e\u5185\u5bb9\u5305", None))
        self.hoursLabel.setText(QCoreApplication.translate("HallProfileDialog", u"\u8425\u4e1a\u65f6\u95f4", None))
        self.pages.setTabText(self.pages.indexOf(self.basicPage), QCoreApplication.translate("HallProfileDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.businessPageHint.setText(QCoreApplication.translate("HallProfileDialog", u"\u5e73\u5747\u529e\u7406\u65f6\u957f\u7528\u4e8e\u6392\u961f\u6d4b\u7b97\u3002\u4fee\u6539\u4f1a\u7acb\u5373\u4fdd\u5b58\u3002", None))
        self.addBusinessButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u6dfb\u52a0\u4e1a\u52a1\u7c7b\u578b", None))
        self.removeBusinessButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u5220\u9664\u6240\u9009", None))
        self.pages.setTabText(self.pages.indexOf(self.businessPage), QCoreApplication.translate("HallProfileDialog", u"\u4e1a\u52a1\u7c7b\u578b", None))
        self.countersPageHint.setText(QCoreApplication.translate("HallProfileDialog", u"\u52fe\u9009\u6bcf\u4e2a\u7a97\u53e3\u53ef\u4ee5\u529e\u7406\u7684\u4e1a\u52a1\u3002\u4fee\u6539\u4f1a\u7acb\u5373\u4fdd\u5b58\u3002", None))
        self.addCounterButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u6dfb\u52a0\u7a97\u53e3", None))
        self.removeCounterButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u5220\u9664\u6240\u9009", None))
        self.pages.setTabText(self.pages.indexOf(self.countersPage), QCoreApplication.translate("HallProfileDialog", u"\u7a97\u53e3", None))
        self.staffPageHint.setText(QCoreApplication.translate("HallProfileDialog", u"\u52fe\u9009\u6bcf\u4f4d\u5458\u5de5\u80fd\u529e\u7406\u7684\u4e1a\u52a1\uff08\u6280\u80fd\uff09\u3002\u4fee\u6539\u4f1a\u7acb\u5373\u4fdd\u5b58\u3002", None))
        self.addStaffButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u6dfb\u52a0\u5458\u5de5", None))
        self.removeStaffButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u5220\u9664\u6240\u9009", None))
        self.pages.setTabText(self.pages.indexOf(self.staffPage), QCoreApplication.translate("HallProfileDialog", u"\u5458\u5de5", None))
        self.undoButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u64a4\u9500", None))
        self.redoButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u91cd\u505a", None))
        self.savedLabel.setText(QCoreApplication.translate("HallProfileDialog", u"\u6240\u6709\u4fee\u6539\u90fd\u5df2\u81ea\u52a8\u4fdd\u5b58\u3002", None))
        self.closeButton.setText(QCoreApplication.translate("HallProfileDialog", u"\u5173\u95ed", None))
    # retranslateUi


# Generated from ui/main_window.ui by tools/compile_ui.py - do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QStatusBar, QTabWidget, QVBoxLayout, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 760)
        self.actionOpenDatabase = QAction(MainWindow)
        self.actionOpenDatabase.setObjectName(u"actionOpenDatabase")
        self.actionBackupNow = QAction(MainWindow)
        self.actionBackupNow.setObjectName(u"actionBackupNow")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionCheckDatabase = QAction(MainWindow)
        self.actionCheckDatabase.setObjectName(u"actionCheckDatabase")
        self.actionOpenDataFolder = QAction(MainWindow)
        self.actionOpenDataFolder.setObjectName(u"actionOpenDataFolder")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionHallProfile = QAction(MainWindow)
        self.actionHallProfile.setObjectName(u"actionHallProfile")
        self.actionChinese = QAction(MainWindow)
        self.actionChinese.setObjectName(u"actionChinese")
        self.actionChinese.setCheckable(True)
        self.actionChinese.setText(u"\u4e2d\u6587")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"English")
        self.actionShortcuts = QAction(MainWindow)
        self.actionShortcuts.setObjectName(u"actionShortcuts")
        self.actionOpenLogFolder = QAction(MainWindow)
        self.actionOpenLogFolder.setObjectName(u"actionOpenLogFolder")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.tabs = QTabWidget(self.centralwidget)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.centralLayout.addWidget(self.tabs)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuHall = QMenu(self.menubar)
        self.menuHall.setObjectName(u"menuHall")
        self.menuLanguage = QMenu(self.menubar)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuHall.menuAction())
        self.menubar.addAction(self.menuLanguage.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionOpenDatabase)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackupNow)
        self.menuFile.addAction(self.actionRestore)
        self.menuFile.addAction(self.actionCheckDatabase)
        self.menuFile.addAction(self.actionOpenDataFolder)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuHall.addAction(self.actionHallProfile)
        self.menuLanguage.addAction(self.actionChinese)
        self.menuLanguage.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionShortcuts)
        self.menuHelp.addAction(self.actionOpenLogFolder)
        self.menuHelp.addSeparator()
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u8425\u4e1a\u5385\u73b0\u573a\u7ba1\u7406\u52a9\u624b", None))
        self.actionOpenDatabase.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u6570\u636e\u5e93(&O)\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionOpenDatabase.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionBackupNow.setText(QCoreApplication.translate("MainWindow", u"\u7acb\u5373\u5907\u4efd(&B)", None))
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"\u4ece\u5907\u4efd\u6062\u590d(&R)\u2026", None))
        self.actionCheckDatabase.setText(QCoreApplication.translate("MainWindow", u"\u68c0\u67e5\u6570\u636e\u5e93(&C)", None))
        self.actionOpenDataFolder.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u6570\u636e\u6587\u4ef6\u5939(&D)", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa(&X)", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionHallProfile.setText(QCoreApplication.translate("MainWindow", u"\u8425\u4e1a\u5385\u8d44\u6599(&P)\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionHallProfile.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionShortcuts.setText(QCoreApplication.translate("MainWindow", u"\u952e\u76d8\u5feb\u6377\u952e(&K)", None))
#if QT_CONFIG(shortcut)
        self.actionShortcuts.setShortcut(QCoreApplication.translate("MainWindow", u"F1", None))
#endif // QT_CONFIG(shortcut)
        self.actionOpenLogFolder.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u65e5\u5fd7\u6587\u4ef6\u5939(&G)", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e(&A)", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"\u6587\u4ef6(&F)", None))
        self.menuHall.setTitle(QCoreApplication.translate("MainWindow", u"\u8425\u4e1a\u5385(&H)", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"\u8bed\u8a00(&L)", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&A)", None))
    # retranslateUi


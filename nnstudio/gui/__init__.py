"""nnstudio.gui"""

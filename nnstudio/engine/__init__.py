"""nnstudio.engine"""

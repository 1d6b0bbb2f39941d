"""nnstudio.project"""

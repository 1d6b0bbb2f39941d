"""nnstudio.data"""

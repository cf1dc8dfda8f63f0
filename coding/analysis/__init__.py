"""Analysis across codes: co-occurrence, code × case matrices and code queries.

Everything here reads; nothing changes the project. The counting is pure (:mod:`units`,
:mod:`counting`, :mod:`query`) and tested against brute force; :mod:`analysis_service` reads
the codings, turns and sentences once per question and returns frozen tables.
"""

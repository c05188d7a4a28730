#!/usr/bin/env python3
"""Writes the bad-input fixtures of BadInputTests.swift (run from this folder).

Each file is one class of bad input from issue 5; the expected error kind and message
prefix are asserted in BadInputTests.swift. Encoded variants are made with Python's own
codecs so the bytes are exactly what a browser-saved page in that encoding holds.
"""
import pathlib

here = pathlib.Path(__file__).parent

TRAD = """<html><head>{meta}<title>蘇州 2020年第{batch}批金融科技創新監管試點應用公示（香港轉載）</title></head><body>
<div class="info">發布日期：2020-08-14</div>
<p>現將2個創新應用予以公示。</p>
<h3>創新應用一</h3>
<p>創新應用名稱：基於區塊鏈的供應鏈融資服務</p>
<p>申請機構：蘇州銀行、蘇州某某科技有限公司</p>
<p>應用類型：金融服務</p>
<p>功能描述：運用區塊鏈與大數據技術，服務中小微企業融資。</p>
<h3>創新應用二</h3>
<p>創新應用名稱：智慧銀行服務</p>
<p>申請機構：蘇州農商銀行</p>
<p>應用類型：科技產品</p>
<p>功能描述：網點自助設備支持語音識別，方便老年人辦理業務。</p>
</body></html>
"""

SIMPLE = """<html><head>{meta}<title>重庆 2021年第{batch}批金融科技创新监管试点应用公示</title></head><body>
<p>发布时间：2021-03-05</p><p>现将1个创新应用予以公示。</p>
<h3>创新应用一</h3><p>创新应用名称：基于大数据的小微企业信贷服务</p><p>申请机构：重庆银行</p>
<p>应用类型：金融服务</p><p>功能描述：运用大数据技术为小微企业提供线上贷款。</p>
</body></html>
"""

def write(name, data):
    (here / name).write_bytes(data)

# Traditional characters: UTF-8, Big5 (declared), UTF-16 LE and BE with BOM (no label).
write("traditional-utf8.html", TRAD.format(meta='<meta charset="utf-8">', batch="一").encode("utf-8"))
write("traditional-big5.html", TRAD.format(meta='<meta charset="big5">', batch="二").encode("big5"))
write("traditional-utf16le.html", b"\xff\xfe" + TRAD.format(meta="", batch="三").encode("utf-16-le"))
write("traditional-utf16be.html", b"\xfe\xff" + TRAD.format(meta="", batch="四").encode("utf-16-be"))
# GBK bytes under a UTF-8 label: decoded as the bytes say, conflict kept as a warning.
write("gbk-labelled-utf8.html", SIMPLE.format(meta='<meta charset="utf-8">', batch="一").encode("gbk"))
# GB18030 bytes with no label at all.
write("gb18030-unlabelled.html", SIMPLE.format(meta="", batch="二").encode("gb18030"))
# UTF-8 with two invalid bytes (a stray 0xFF, a truncated character at the end).
write("invalid-utf8.html", SIMPLE.format(meta='<meta charset="utf-8">', batch="三").encode("utf-8").replace(
    "线上贷款".encode(), "线上".encode() + b"\xff" + "贷款".encode()) + "贷".encode()[:2])
# Not HTML.
write("empty.html", b"")
write("renamed-pdf.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
write("renamed-png.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01")
write("renamed-zip.html", b"PK\x03\x04\x14\x00\x00\x00\x08\x00")

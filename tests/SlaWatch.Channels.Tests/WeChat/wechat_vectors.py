# Independent vectors for the WeChat Official Account envelope, computed with Python's hashlib and the
# cryptography package (not with our code); WeChatEnvelopeTests holds what it printed. Ours; MIT as the project.
# Run: python3 wechat_vectors.py
import base64, hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

token, timestamp, nonce = "slawatchtoken", "1733300000", "415926"
key = bytes(range(32))
encoding_aes_key = base64.b64encode(key).decode().rstrip("=")
appid = "wx1234567890abcdef"
xml = ("<xml><ToUserName><![CDATA[gh_0123456789ab]]></ToUserName>"
       "<FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>"
       "<CreateTime>1733300000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
       "<Content><![CDATA[客服态度太差了，电话 13912341522 没人接]]></Content>"
       "<MsgId>24602735126549235</MsgId></xml>").encode()

def seal(message, app):
    plain = b"0123456789abcdef" + len(message).to_bytes(4, "big") + message + app.encode()
    pad = 32 - len(plain) % 32
    plain += bytes([pad]) * pad
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(plain) + enc.finalize()).decode()

def sign(*parts):
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()

encrypt = seal(xml, appid)
print("EncodingAESKey", encoding_aes_key, len(encoding_aes_key))
print("signature", sign(token, timestamp, nonce))
print("Encrypt", encrypt)
print("msg_signature", sign(token, timestamp, nonce, encrypt))
other = seal(xml, "wxffffffffffffffff")
print("EncryptOtherApp", other)
print("msg_signature_other", sign(token, timestamp, nonce, other))

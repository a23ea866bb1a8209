CREATE TABLE provincial_centers (
	customer_number VARCHAR(10) NOT NULL,
	name VARCHAR(35) NOT NULL,
	city VARCHAR(35) NOT NULL,
	region VARCHAR(3) NOT NULL,
	deleted BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (customer_number)
);

CREATE TABLE outlets (
	customer_number VARCHAR(10) NOT NULL,
	name VARCHAR(35) NOT NULL,
	city VARCHAR(35) NOT NULL,
	region VARCHAR(3) NOT NULL,
	provincial_center VARCHAR(10),
	deleted BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (customer_number)
);

CREATE INDEX ix_outlets_provincial_center ON outlets (provincial_center);

CREATE TABLE materials (
	material_number VARCHAR(18) NOT NULL,
	description_en VARCHAR(40) NOT NULL,
	description_zh VARCHAR(40) NOT NULL,
	material_type VARCHAR(4) NOT NULL,
	material_group VARCHAR(9) NOT NULL,
	base_unit VARCHAR(3) NOT NULL,
	standard_price VARCHAR(32),
	moving_average_price VARCHAR(32),
	outlet_purchase_price VARCHAR(32),
	retail_price VARCHAR(32),
	price_unit INTEGER NOT NULL,
	deleted BOOLEAN NOT NULL,
	position_number VARCHAR(20),
	repair_level VARCHAR(10),
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (material_number)
);

CREATE TABLE labour_fee_rules (
	repair_level VARCHAR(10) NOT NULL,
	fee VARCHAR(32) NOT NULL,
	currency VARCHAR(5) NOT NULL,
	PRIMARY KEY (repair_level)
);

CREATE TABLE sales_statistics (
	month VARCHAR(6) NOT NULL,
	customer_number VARCHAR(10) NOT NULL,
	material_number VARCHAR(18) NOT NULL,
	sales_organization VARCHAR(4) NOT NULL,
	distribution_channel VARCHAR(2) NOT NULL,
	division VARCHAR(2) NOT NULL,
	incoming_orders_quantity VARCHAR(32) NOT NULL,
	incoming_orders_value VARCHAR(32) NOT NULL,
	sales_quantity VARCHAR(32) NOT NULL,
	sales_value VARCHAR(32) NOT NULL,
	returns_quantity VARCHAR(32) NOT NULL,
	returns_value VARCHAR(32) NOT NULL,
	currency VARCHAR(5) NOT NULL,
	imported_at DATETIME NOT NULL,
	PRIMARY KEY (month, customer_number, material_number, sales_organization, distribution_channel, division)
);

CREATE TABLE business_clock (
	id INTEGER NOT NULL,
	today DATE NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE TABLE inbox (
	id INTEGER NOT NULL,
	sender VARCHAR(10) NOT NULL,
	docnum VARCHAR(16) NOT NULL,
	message_type VARCHAR(30) NOT NULL,
	idoc_type VARCHAR(30) NOT NULL,
	object_key VARCHAR(70) NOT NULL,
	serial VARCHAR(20) NOT NULL,
	xml TEXT NOT NULL,
	status VARCHAR(10) NOT NULL,
	reason TEXT,
	attempts INTEGER NOT NULL,
	received_at DATETIME NOT NULL,
	processed_at DATETIME,
	PRIMARY KEY (id),
	CONSTRAINT uq_inbox_sender_docnum UNIQUE (sender, docnum)
);

CREATE INDEX ix_inbox_object ON inbox (message_type, object_key, status);

CREATE INDEX ix_inbox_status ON inbox (status);

CREATE TABLE outbox (
	id INTEGER NOT NULL,
	kind VARCHAR(40) NOT NULL,
	payload JSON NOT NULL,
	status VARCHAR(12) NOT NULL,
	attempts INTEGER NOT NULL,
	next_attempt_at FLOAT NOT NULL,
	last_error TEXT,
	crm_reference VARCHAR(35) NOT NULL,
	result JSON,
	progress JSON,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_outbox_reference ON outbox (crm_reference);

CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE material_maintenance (
	material_number VARCHAR(18) NOT NULL,
	queued_at DATETIME NOT NULL,
	PRIMARY KEY (material_number),
	FOREIGN KEY(material_number) REFERENCES materials (material_number)
);

CREATE TABLE material_applications (
	id INTEGER NOT NULL,
	crm_reference VARCHAR(35) NOT NULL,
	application_type VARCHAR(20) NOT NULL,
	outlet VARCHAR(10) NOT NULL,
	status VARCHAR(20) NOT NULL,
	rejection_reason TEXT,
	sap_document_number VARCHAR(10),
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (crm_reference),
	FOREIGN KEY(outlet) REFERENCES outlets (customer_number)
);

CREATE INDEX ix_material_applications_outlet_status ON material_applications (outlet, status);

CREATE TABLE outlet_inventory (
	outlet VARCHAR(10) NOT NULL,
	material_number VARCHAR(18) NOT NULL,
	quantity VARCHAR(32) NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (outlet, material_number),
	FOREIGN KEY(outlet) REFERENCES outlets (customer_number),
	FOREIGN KEY(material_number) REFERENCES materials (material_number)
);

CREATE TABLE settlements (
	id INTEGER NOT NULL,
	provincial_center VARCHAR(10) NOT NULL,
	month VARCHAR(7) NOT NULL,
	total VARCHAR(32) NOT NULL,
	currency VARCHAR(5) NOT NULL,
	status VARCHAR(20) NOT NULL,
	fi_document_number VARCHAR(10),
	fi_object_key VARCHAR(20),
	cleared_on DATE,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_settlements_center_month UNIQUE (provincial_center, month),
	FOREIGN KEY(provincial_center) REFERENCES provincial_centers (customer_number)
);

CREATE TABLE material_application_items (
	application_id INTEGER NOT NULL,
	item_number INTEGER NOT NULL,
	material_number VARCHAR(18) NOT NULL,
	quantity VARCHAR(32) NOT NULL,
	delivered_quantity VARCHAR(32) NOT NULL,
	PRIMARY KEY (application_id, item_number),
	FOREIGN KEY(application_id) REFERENCES material_applications (id),
	FOREIGN KEY(material_number) REFERENCES materials (material_number)
);

CREATE TABLE returns (
	id INTEGER NOT NULL,
	crm_reference VARCHAR(35) NOT NULL,
	outlet VARCHAR(10) NOT NULL,
	status VARCHAR(20) NOT NULL,
	reason TEXT,
	original_order VARCHAR(10),
	application_id INTEGER,
	sap_return_order VARCHAR(10),
	sap_returns_delivery VARCHAR(10),
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (crm_reference),
	FOREIGN KEY(outlet) REFERENCES outlets (customer_number),
	FOREIGN KEY(application_id) REFERENCES material_applications (id)
);

CREATE TABLE deliveries (
	delivery_number VARCHAR(10) NOT NULL,
	parent_delivery VARCHAR(10),
	application_id INTEGER,
	outlet VARCHAR(10),
	sap_order_number VARCHAR(10),
	status VARCHAR(20) NOT NULL,
	deleted BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (delivery_number),
	FOREIGN KEY(parent_delivery) REFERENCES deliveries (delivery_number),
	FOREIGN KEY(application_id) REFERENCES material_applications (id)
);

CREATE INDEX ix_deliveries_application ON deliveries (application_id);

CREATE TABLE repair_orders (
	id INTEGER NOT NULL,
	crm_reference VARCHAR(35) NOT NULL,
	outlet VARCHAR(10) NOT NULL,
	repair_date DATE NOT NULL,
	repair_method VARCHAR(40) NOT NULL,
	repaired_material VARCHAR(18),
	repair_level VARCHAR(10) NOT NULL,
	fee VARCHAR(32) NOT NULL,
	settlement_id INTEGER,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (crm_reference),
	FOREIGN KEY(outlet) REFERENCES outlets (customer_number),
	FOREIGN KEY(settlement_id) REFERENCES settlements (id)
);

CREATE INDEX ix_repair_orders_outlet_date ON repair_orders (outlet, repair_date);

CREATE TABLE return_items (
	return_id INTEGER NOT NULL,
	item_number INTEGER NOT NULL,
	material_number VARCHAR(18) NOT NULL,
	expected_quantity VARCHAR(32) NOT NULL,
	received_quantity VARCHAR(32) NOT NULL,
	PRIMARY KEY (return_id, item_number),
	FOREIGN KEY(return_id) REFERENCES returns (id),
	FOREIGN KEY(material_number) REFERENCES materials (material_number)
);

CREATE TABLE delivery_items (
	delivery_number VARCHAR(10) NOT NULL,
	item_number VARCHAR(6) NOT NULL,
	material_number VARCHAR(18) NOT NULL,
	shipped_quantity VARCHAR(32) NOT NULL,
	open_quantity VARCHAR(32) NOT NULL,
	PRIMARY KEY (delivery_number, item_number),
	FOREIGN KEY(delivery_number) REFERENCES deliveries (delivery_number)
);

CREATE TABLE repair_order_materials (
	repair_order_id INTEGER NOT NULL,
	material_number VARCHAR(18) NOT NULL,
	quantity VARCHAR(32) NOT NULL,
	PRIMARY KEY (repair_order_id, material_number),
	FOREIGN KEY(repair_order_id) REFERENCES repair_orders (id),
	FOREIGN KEY(material_number) REFERENCES materials (material_number)
);

